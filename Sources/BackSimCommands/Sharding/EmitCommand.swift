import ArgumentParser
import BackSimReports
import Foundation

/// `backsim emit slurm|kubernetes FILE --shards N COMMAND...`: a ready array
/// job for a scheduler, and the dependent merge.
struct EmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emit",
        abstract: "Write a Slurm array job or Kubernetes manifests that run a command as N shards and merge them.",
        discussion: """
            slurm: FILE is a shell script that submits the array (sbatch --array=0-(N-1)) and a merge job \
            that runs after it (afterany: the merge itself refuses missing shards). 'sh FILE --array=3,7' \
            resubmits the indices 'backsim shards status parts' lists, and the merge again. kubernetes: FILE \
            holds an Indexed Job (completions N) writing partial files to a shared volume and a suspended \
            merge Job; the commands to start them are in the file's first lines. See docs/scale-out.md.
            """)

    enum Scheduler: String, ExpressibleByArgument, CaseIterable { case slurm, kubernetes }

    @Argument(help: "slurm or kubernetes.")
    var scheduler: Scheduler

    @Argument(help: ArgumentHelp("The script or manifest file to write.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Number of shards, N (1-\(Shard.maximumCount)).", valueName: "n"))
    var shards: Int

    @Option(help: ArgumentHelp("Where the partial files go, relative to the working directory.", valueName: "directory"))
    var parts = "parts"

    @Option(help: ArgumentHelp("Cores per shard (--threads of each shard). (default: 1)", valueName: "n"))
    var cpusPerTask = 1

    @Option(help: ArgumentHelp("Kubernetes: the container image with backsim on its PATH.", valueName: "image"))
    var image = "backsim:latest"

    @Option(help: ArgumentHelp("Kubernetes: the PersistentVolumeClaim (ReadWriteMany) shared by every pod.", valueName: "name"))
    var claim = "backsim-work"

    @Option(help: ArgumentHelp("Kubernetes: pods at once. (default: N)", valueName: "n"))
    var parallelism: Int?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
        "The backsim command and its flags, e.g. psa --cohort chronic --draws 1000 --format csv --output psa.csv.",
        valueName: "command"))
    var command: [String] = []

    func validate() throws {
        guard (1...Shard.maximumCount).contains(shards) else {
            throw ValidationError("--shards: must be from 1 to \(Shard.maximumCount), got \(shards)")
        }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task: must be at least 1, got \(cpusPerTask)") }
        if let parallelism, parallelism < 1 { throw ValidationError("--parallelism: must be at least 1, got \(parallelism)") }
        guard let name = command.first else {
            throw ValidationError("give the command to shard after the flags, e.g. 'backsim emit slurm job.sh --shards 4 psa --draws 200'")
        }
        guard Self.shardable.contains(name) else {
            throw ValidationError("'\(name)' cannot be sharded; give one of \(Self.shardable.joined(separator: ", "))")
        }
        if command.contains(where: { $0 == "--shard" || $0.hasPrefix("--shard=") }) {
            throw ValidationError("leave --shard out of the command; emit adds --shard auto/\(shards)")
        }
        do { _ = try BackSim.parseAsRoot(command) } catch {
            throw ValidationError("the command does not parse: \(BackSim.message(for: error).split(separator: "\n").first ?? "")")
        }
    }

    static let shardable = ["compare", "run", "evidence", "owsa", "psa", "sweep", "power"]

    /// The shard's command: the user's without output, format, threads or
    /// quiet, plus the shard flags.
    var shardCommand: [String] {
        ["backsim"] + Invocation.resultChanging(command)
            + ["--shard", "auto/\(shards)", "--threads", "\(cpusPerTask)", "--output", parts + "/"]
            + (Invocation.showsProgress(command.first) ? ["--quiet"] : [])
    }

    /// The merge's flags: the user's --format and --output, if given.
    var mergeFlags: [String] {
        var flags: [String] = []
        var index = 0
        while index < command.count {
            let argument = command[index]
            if ["--format", "--output", "-o"].contains(argument), index + 1 < command.count {
                flags += [argument == "-o" ? "--output" : argument, command[index + 1]]
                index += 2
                continue
            }
            if argument.hasPrefix("--format=") || argument.hasPrefix("--output=") { flags.append(argument) }
            index += 1
        }
        return flags
    }

    func run() throws {
        let text = scheduler == .slurm ? slurm() : kubernetes()
        try AtomicFile.write(text, to: file)
        if scheduler == .slurm { _ = chmod(file, 0o755) }
    }

    static func quoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func slurm() -> String {
        let shard = shardCommand.dropFirst().map(Self.quoted).joined(separator: " ")
        let merge = (["merge", Self.quoted(parts) + "/*.backsim"] + mergeFlags.map(Self.quoted)).joined(separator: " ")
        return """
            #!/bin/sh
            # Generated by 'backsim emit slurm': \(shards) shards of
            #   backsim \(command.map(Self.quoted).joined(separator: " "))
            # and their merge. Run from the directory the run belongs in:
            #   sh \(Self.quoted(file))              submit the array 0-\(shards - 1) and the merge after it
            #   sh \(Self.quoted(file)) --array=3,7  resubmit shards 3 and 7 (from 'backsim shards status \(parts)') and the merge
            # BACKSIM names the executable (default: backsim on the PATH). Partial files: \(parts)/; logs: logs/.
            set -eu
            BACKSIM="${BACKSIM:-backsim}"
            export BACKSIM
            ARRAY="${1:---array=0-\(shards - 1)}"
            mkdir -p \(Self.quoted(parts)) logs
            shards=$(sbatch --parsable --job-name=backsim-shards "$ARRAY" --cpus-per-task=\(cpusPerTask) \\
                --output=logs/shard-%A_%a.log --export=ALL <<'JOB'
            #!/bin/sh
            exec "$BACKSIM" \(shard)
            JOB
            )
            merge=$(sbatch --parsable --job-name=backsim-merge --dependency=afterany:"${shards%%;*}" \\
                --output=logs/merge-%j.log --export=ALL <<'JOB'
            #!/bin/sh
            exec "$BACKSIM" \(merge)
            JOB
            )
            echo "shards job ${shards%%;*}, merge job ${merge%%;*}"

            """
    }

    func kubernetes() -> String {
        func yaml(_ words: [String]) -> String {
            "[" + words.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                .joined(separator: ", ") + "]"
        }
        let merge = (["backsim", "merge", Self.quoted(parts) + "/*.backsim"] + mergeFlags.map(Self.quoted)).joined(separator: " ")
        return """
            # Generated by 'backsim emit kubernetes': \(shards) shards of
            #   backsim \(command.map(Self.quoted).joined(separator: " "))
            # and their merge, on the shared volume claim '\(claim)' mounted at /work (ReadWriteMany).
            # Run:
            #   kubectl apply -f \(file)
            #   kubectl wait --for=condition=complete job/backsim-shards --timeout=24h
            #   kubectl patch job backsim-merge --type=merge -p '{"spec":{"suspend":false}}'
            #   kubectl wait --for=condition=complete job/backsim-merge --timeout=1h
            # Missing shards: 'backsim shards status /work/\(parts)' in a pod on the volume.
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: backsim-shards
            spec:
              completionMode: Indexed
              completions: \(shards)
              parallelism: \(parallelism ?? shards)
              backoffLimitPerIndex: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: shard
                      image: \(image)
                      workingDir: /work
                      command: \(yaml(shardCommand))
                      resources:
                        requests:
                          cpu: "\(cpusPerTask)"
                      volumeMounts:
                        - name: work
                          mountPath: /work
                  volumes:
                    - name: work
                      persistentVolumeClaim:
                        claimName: \(claim)
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: backsim-merge
            spec:
              suspend: true
              completions: 1
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: merge
                      image: \(image)
                      workingDir: /work
                      command: \(yaml(["sh", "-c", merge]))
                      volumeMounts:
                        - name: work
                          mountPath: /work
                  volumes:
                    - name: work
                      persistentVolumeClaim:
                        claimName: \(claim)

            """
    }
}
