/// The sessions prescribed in one week, in the order they fell, each done or
/// skipped: a random-access collection of at most seven.
///
/// Stored inline (no heap storage), so a policy can iterate, filter with
/// ``WeekObservation/doneSessions`` or copy it inside `decide` without
/// allocating. Only the sessions that were prescribed are elements: a week
/// with three sessions has `count == 3`, whatever the capacity.
public struct WeekSessions: RandomAccessCollection, MutableCollection, Equatable, Sendable {
    /// The most sessions a week can hold (one a day).
    public static let capacity = 7

    @usableFromInline var storage: InlineArray<7, SessionObservation>
    @usableFromInline var stored: Int

    /// No sessions.
    public init() { self = Self.none }

    // Built once: copying it is one block move, where `InlineArray(repeating:)`
    // built and copied seven sessions for every week the engine simulates.
    private static let none = WeekSessions(storage: InlineArray(repeating: .skipped(day: 0)), stored: 0)

    private init(storage: InlineArray<7, SessionObservation>, stored: Int) {
        self.storage = storage
        self.stored = stored
    }

    /// The given sessions, in order.
    /// - Precondition: at most ``capacity`` sessions.
    public init(_ sessions: some Sequence<SessionObservation>) {
        self.init()
        for session in sessions { append(session) }
    }

    /// 0.
    @inlinable public var startIndex: Int { 0 }
    /// The number of sessions prescribed.
    @inlinable public var endIndex: Int { stored }

    /// The session at `position` (0 = the week's first prescribed session).
    @inlinable
    public subscript(position: Int) -> SessionObservation {
        get {
            precondition(position >= 0 && position < stored, "session index out of range")
            // Through the span: `storage[position]` copied all seven sessions.
            return storage.span[position]
        }
        set {
            precondition(position >= 0 && position < stored, "session index out of range")
            storage[position] = newValue
        }
    }

    /// Iterates in order without the generic `IndexingIterator`, so that a
    /// `for` loop over the sessions does not allocate even unoptimised
    /// (debug builds run the allocation check too).
    public struct Iterator: IteratorProtocol {
        @usableFromInline let sessions: WeekSessions
        @usableFromInline var position = 0

        @usableFromInline init(_ sessions: WeekSessions) { self.sessions = sessions }

        /// The next session, or nil after the last.
        @inlinable
        public mutating func next() -> SessionObservation? {
            guard position < sessions.stored else { return nil }
            defer { position += 1 }
            return sessions.storage.span[position]
        }
    }

    /// An iterator over the sessions in order.
    @inlinable public func makeIterator() -> Iterator { Iterator(self) }

    /// Adds the next prescribed session.
    /// - Precondition: fewer than ``capacity`` sessions so far.
    public mutating func append(_ session: SessionObservation) {
        precondition(stored < Self.capacity, "a week holds at most \(Self.capacity) sessions")
        storage[stored] = session
        stored += 1
    }

    /// Keeps the first `count` sessions, or adds skipped ones up to `count`.
    mutating func resize(to count: Int) {
        precondition(count >= 0 && count <= Self.capacity, "a week holds 0 to \(Self.capacity) sessions")
        for index in stored..<Swift.max(stored, count) { storage[index] = .skipped(day: 0) }
        stored = count
    }

    /// Empties the week and adds `count` skipped sessions: what a new
    /// `WeekSessions` resized to `count` holds, without building one (a
    /// block copy of seven sessions). For the engine, which reuses one
    /// observation across weeks.
    package mutating func reset(to count: Int) {
        stored = 0
        resize(to: count)
    }

        public static func == (a: WeekSessions, b: WeekSessions) -> Bool { a.elementsEqual(b) }
}

extension WeekSessions: Codable {
    /// Decodes a list of at most seven sessions.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init()
        while !container.isAtEnd {
            guard stored < Self.capacity else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a week holds at most \(Self.capacity) sessions")
            }
            append(try container.decode(SessionObservation.self))
        }
    }

    /// Encodes the sessions as a list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for session in self { try container.encode(session) }
    }
}
