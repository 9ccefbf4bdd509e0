import Foundation
import Testing

/// Browsing through the real binary: profiles with problems, every command in JSON.
struct ProfileBatchTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let broken = testsFolder.appendingPathComponent("CommunityTests/Fixtures/broken").path
    static let community = testsFolder.appendingPathComponent("ShellTests/Transcripts/community").path
    static let bundled = testsFolder.deletingLastPathComponent().appendingPathComponent("Profiles").path

    @Test func keepGoingListsTheValidMembersAndReportsEachBrokenFile() throws {
        let result = try PatioProcess.run(["--profiles", Self.broken, "--keep-going", "-c", "members"])
        #expect(result.status == 1)
        #expect(result.output.contains("amelie-dupre  Amélie Dupré"))
        #expect(result.output.hasSuffix("5 members\n"))
        for file in [
            "bad-role.yaml:2:7", "bad-syntax.yaml:4:10", "dup-second.yaml:1:1", "latin1.yaml:1:11", "no-name.yaml:1:1",
        ] {
            #expect(result.errors.contains(Self.broken + "/" + file + ": error: "), "\(file)")
        }
        for file in ["bad-key.yaml:3:1", "bad-types.yaml:3:7", "bad-level.yaml:4:14", "taxonomy.yaml:5:1"] {
            #expect(result.errors.contains(Self.broken + "/" + file + ": warning: "), "\(file)")
        }
    }

    @Test func withoutKeepGoingTheRunStopsAtTheProblems() throws {
        let result = try PatioProcess.run(["--profiles", Self.broken, "-c", "members"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("warning: unknown key 'skils' ignored (did you mean 'skills'?)"))
        #expect(
            result.errors.hasSuffix(
                "error: some profiles could not be loaded (above): no command was run; --keep-going runs them with the profiles that loaded\n"
            ))
    }

    /// In JSON, a problem of a whole file has no line and column (null, not
    /// 0), and its code keeps "UTF8" as one word.
    @Test func aProblemOfAWholeFileHasNoLineInJSON() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: Ana\nrole: student\nskils: [Blender]\n".write(
            to: folder.appendingPathComponent("ana.yaml"), atomically: true, encoding: .utf8)
        let path = Array(folder.path.utf8) + Array("/z".utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { creat($0.baseAddress!, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try PatioProcess.run(
            ["--profiles", folder.path, "--keep-going", "-c", "load --format json ."], in: folder)
        #expect(result.output.contains("\"line\": null, \"column\": null, \"severity\": \"error\""), "\(result.output)")
        #expect(result.output.contains("\"code\": \"file_name_not_utf8\""))
        #expect(result.output.contains("\"line\": 3, \"column\": 1, \"severity\": \"warning\""))
        #expect(result.output.contains("\"code\": \"unknown_key\""))
    }

    /// A profiles folder that is not there: said once, and no command runs
    /// (not "some profiles could not be loaded": none were read).
    @Test func aMissingFolderStopsTheRunWithoutBlamingProfiles() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PatioProcess.run(["--profiles", "NOPE", "-c", "echo ran"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(
            result.errors == """
                error: cannot read NOPE: no such folder
                error: no command was run, as the profiles folder could not be read (above); --keep-going runs them without profiles

                """)
        let going = try PatioProcess.run(["--profiles", "NOPE", "--keep-going", "-c", "echo ran"], in: folder)
        #expect(going.status == 1)
        #expect(going.output == "ran\n")
    }

    /// Without a profiles folder a script is told where patio looked.
    @Test func noProfilesFolderSaysWhereItLooked() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PatioProcess.run(["-c", "members"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("no Profiles folder in \(folder.path)"))
    }

    /// Warnings alone (a part of a profile left out) do not fail a script.
    @Test func warningsAloneDoNotFail() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: Karim Haddad\nrole: student\nskils: [Blender]\n".write(
            to: folder.appendingPathComponent("karim.yaml"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["--profiles", folder.path, "-c", "members --format json"])
        #expect(result.status == 0)
        #expect(result.errors.contains("karim.yaml:3:1: warning: unknown key 'skils' ignored (did you mean 'skills'?)"))
        #expect(result.output.hasPrefix("{\"count\": 1,"))
    }

    /// A script whose first command loads a folder reads that folder only:
    /// its problems said once, at the script's line; a broken folder given
    /// at start is not read at all then, and fails nothing. A script that
    /// loads later, or a `load` without a folder, reads the first one too.
    @Test func aScriptThatBeginsWithLoadReadsOnlyThatFolder() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("Profiles")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        try "name: Karim Haddad\nrole: student\nskils: [Blender]\n".write(
            to: profiles.appendingPathComponent("karim.yaml"), atomically: true, encoding: .utf8)
        try "# the weekly round\n\nload Profiles\nmembers --format json\n".write(
            to: folder.appendingPathComponent("weekly.patio"), atomically: true, encoding: .utf8)
        let script = try PatioProcess.run(["weekly.patio"], in: folder)
        #expect(script.status == 0)
        #expect(
            script.errors
                == "weekly.patio:3: Profiles/karim.yaml:3:1: warning: unknown key 'skils' ignored (did you mean 'skills'?)\n"
        )
        // The broken folder at start is not read: the script loads another.
        let other = try PatioProcess.run(["--profiles", Self.broken, "-c", "load \(Self.community)", "-c", "stats"])
        #expect(other.status == 0, "\(other.errors)")
        #expect(!other.errors.contains("bad-role.yaml"))
        // A folder that is not there: the one at start is read, and stays when the load fails.
        let missing = try PatioProcess.run(["--keep-going", "-c", "load Nowhere", "-c", "members"], in: folder)
        #expect(missing.status == 1)
        #expect(
            missing.errors.contains("unknown key 'skils'")
                && missing.errors.contains("-c:1: error: cannot read Nowhere"))
        #expect(missing.output.contains("Karim Haddad"), "\(missing.output)")
        // Loading later, or without a folder: the folder at start is read first, as before.
        for commands in [["stats", "load Profiles"], ["load"]] {
            let twice = try PatioProcess.run(commands.flatMap { ["-c", $0] }, in: folder)
            #expect(twice.errors.components(separatedBy: "unknown key 'skils'").count == 3, "\(commands)")
        }
    }

    @Test func aCleanFolderRunsQuietly() throws {
        let result = try PatioProcess.run([
            "--profiles", Self.community, "--format", "json", "-c", "members --role student",
        ])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output.hasPrefix("{\"count\": 2, \"members\": [{\"id\": \"amelie-dupre\""))
        #expect(result.output.split(separator: "\n").count == 1)
    }

    @Test func profilesFromTheEnvironment() throws {
        let result = try PatioProcess.run(
            ["-c", "stats --format json"], environment: ["PATIO_PROFILES": Self.community])
        #expect(result.output.hasPrefix("{\"community\": \"Petite Serre\", \"members\": 5,"))
    }

    @Test(arguments: [
        ("members --wing 9", "{\"count\": 1, \"members\": [{\"id\": \"emilie-durand\""),
        ("show zoe", "{\"id\": \"zoe-blender\", \"name\": \"Zoé Blender\""),
        ("search blender", "{\"query\": \"blender\", \"total\": 3, \"results\": [{\"id\": \"amelie-dupre\""),
        ("tags --unmet", "{\"unmet\": [{\"tag\": \"doublage\", \"seekers\": [\"anais-dupre\"]}]"),
        ("tags --kind offering", "{\"kind\": \"offering\", \"tags\": ["),
        (
            "stats",
            "{\"community\": \"Petite Serre\", \"members\": 5, \"roles\": {\"student\": 2, \"startup\": 1, \"entrepreneur\": 2}"
        ),
        ("load", "{\"folder\": "),
    ])
    func everyCommandInJSON(command: String, prefix: String) throws {
        let result = try PatioProcess.run(["--profiles", Self.community, "--format", "json", "-c", command])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix(prefix), "\(result.output)")
    }

    @Test func aFrenchSpreadsheetImportsWithEveryAccent() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("Profils")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        let csv = Self.testsFolder.appendingPathComponent("CommunityTests/Fixtures/csv/inscriptions-fr.csv").path
        let result = try PatioProcess.run(
            ["--profiles", "Profils", "--keep-going", "-c", "import \(csv) --write", "-c", "show noel --format json"],
            in: folder)
        #expect(result.status == 1, "a row has an unknown role")
        #expect(result.errors.contains("unknown role 'astronaute' for Zoé Ærø"))
        #expect(
            result.output.contains(
                "{\"id\": \"noel-lefevre-crepin\", \"name\": \"Noël Lefèvre-Crépin\", \"role\": \"startup\""))
        let written = try String(contentsOf: profiles.appendingPathComponent("amelie-dupre.yaml"), encoding: .utf8)
        #expect(written.contains("name: Amélie Dupré\n"))
        #expect(written.contains("bio: |\n  Première ligne;\n  seconde ligne avec \"guillemets\".\n"))
        // A second import does not replace the files.
        let again = try PatioProcess.run(["--profiles", "Profils", "-c", "import \(csv) --write"], in: folder)
        #expect(again.status == 1)
        #expect(
            try String(contentsOf: profiles.appendingPathComponent("amelie-dupre.yaml"), encoding: .utf8) == written)
    }

    /// `search --limit` says in JSON how many results it left out, as every list cut by a limit does.
    @Test func searchCutByALimitSaysHowManyItLeftOut() throws {
        let result = try PatioProcess.run(["--profiles", Self.bundled, "-c", "search blender --limit 1 --format json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? Int)
        #expect(total > 1)
        #expect((object["results"] as? [Any])?.count == 1)
        #expect(object["omitted"] as? Int == total - 1)
    }

    /// A script importing in JSON learns which rows were skipped and why,
    /// as `load` tells its problems.
    @Test func importInJSONListsItsProblems() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("Profils")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        try "nom;rôle;compétences\nLéa Martin;startup;Maya: expret\nPaul Durand;astronaute;Blender\n".write(
            to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(
            ["--profiles", "Profils", "--keep-going", "-c", "import r.csv --format json"], in: folder)
        #expect(result.status == 1, "a row has an unknown role")
        #expect(
            result.output.contains("\"new\": 1, \"updated\": 0, \"unchanged\": 0, \"skipped\": 1"), "\(result.output)")
        #expect(
            result.output.contains(
                "{\"path\": \"r.csv\", \"line\": 2, \"column\": 20, \"severity\": \"warning\", \"message\": \"Léa Martin, column 'compétences' (C): unknown level 'expret'"
            ), "\(result.output)")
        #expect(
            result.output.contains(
                "\"cell\": {\"column\": \"C\", \"title\": \"compétences\", \"member\": \"Léa Martin\"}"))
        #expect(
            result.output.contains(
                "\"line\": 3, \"column\": 13, \"severity\": \"error\", \"message\": \"column 'rôle' (B): unknown role 'astronaute' for Paul Durand"
            ))
        #expect(result.output.contains("\"code\": \"row_unknown_role\""))
        #expect(result.output.contains("\"skills\": [{\"name\": \"Maya\", \"level\": null}]"), "\(result.output)")
    }

    @Test func theBundledCommunity() throws {
        let result = try PatioProcess.run([
            "--profiles", Self.bundled, "-c", "stats --format json", "-c", "members --role student --format json",
        ])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        let lines = result.output.split(separator: "\n")
        #expect(lines[0].contains("\"community\": \"La Serre numérique\""))
        #expect(lines.count == 2)
    }
}
