// libyaml's event stream, which Yams builds its nodes from but does not
// expose. Imported directly so that hostile shapes are refused before Yams
// composes (and hashes) anything.
internal import CYaml

/// Limits on the shape of a scenario document, checked on libyaml's event
/// stream before any node is composed or any alias expanded.
///
/// Yams shares an aliased node rather than copying it, but hashing a mapping
/// key or walking the tree visits every expansion: ten levels of ten aliases
/// ("billion laughs") is 10¹⁰ nodes from a 600-byte file. Here each anchor's
/// expanded size and depth are computed once, so the check is linear in the
/// text whatever the aliases would expand to.
package enum DocumentLimits {
    /// Alias references (`*name`) in one document.
    static let maximumAliases = 256
    /// Anchors reached through anchors: `*b` inside `&a`, `*c` inside `&b`, …
    static let maximumAliasDepth = 4
    /// Nodes after every alias is expanded.
    static let maximumExpandedNodes = 100_000
    /// Collections inside collections, after expansion.
    static let maximumDepth = 32

    /// The first limit `text` exceeds, with where it was exceeded; nil when
    /// the document is within every limit or is not valid YAML (Yams then
    /// reports the syntax error).
    package static func violation(in text: String) -> (line: Int, column: Int, message: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    /// Size and depth of a node once expanded; `aliasDepth` counts anchors within anchors.
    private struct Shape {
        var nodes = 1
        var depth = 0
        var aliasDepth = 0
    }

    /// An open collection: its anchor and what it holds so far.
    private struct Frame {
        var anchor: String?
        var shape = Shape()
    }

    private static func scan(_ parser: inout yaml_parser_t) -> (line: Int, column: Int, message: String)? {
        var anchors: [String: Shape] = [:]
        var stack: [Frame] = []
        var expanded = 0, aliases = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            var finished: (anchor: String?, shape: Shape)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? string(event.data.sequence_start.anchor) : string(event.data.mapping_start.anchor)
                stack.append(Frame(anchor: anchor))
                expanded += 1
                if stack.count > maximumDepth {
                    return (line, column, "nesting is more than \(maximumDepth) levels deep; a scenario needs at most a few")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                var shape = frame.shape
                shape.depth += 1
                finished = (frame.anchor, shape)
            case YAML_SCALAR_EVENT:
                expanded += 1
                finished = (string(event.data.scalar.anchor), Shape())
            case YAML_ALIAS_EVENT:
                aliases += 1
                guard let name = string(event.data.alias.anchor), let target = anchors[name] else {
                    finished = (nil, Shape())  // undefined: Yams reports it
                    break
                }
                if aliases > maximumAliases {
                    return (line, column, "more than \(maximumAliases) aliases; a scenario needs a few at most")
                }
                var shape = target
                shape.aliasDepth += 1
                if shape.aliasDepth > maximumAliasDepth {
                    return (line, column, "alias '*\(name)' reaches through more than \(maximumAliasDepth) levels of anchors; write the values out instead")
                }
                expanded += target.nodes
                if expanded > maximumExpandedNodes {
                    return (line, column, "alias '*\(name)' expands the document past \(maximumExpandedNodes.formatted) nodes; a scenario has a few hundred")
                }
                if stack.count + target.depth > maximumDepth {
                    return (line, column, "alias '*\(name)' nests more than \(maximumDepth) levels deep; a scenario needs at most a few")
                }
                finished = (nil, shape)
            default:
                break
            }
            guard let (anchor, shape) = finished else { continue }
            if let anchor { anchors[anchor] = shape }
            if !stack.isEmpty {
                stack[stack.count - 1].shape.nodes += shape.nodes
                stack[stack.count - 1].shape.depth = max(stack[stack.count - 1].shape.depth, shape.depth)
                stack[stack.count - 1].shape.aliasDepth = max(stack[stack.count - 1].shape.aliasDepth, shape.aliasDepth)
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
