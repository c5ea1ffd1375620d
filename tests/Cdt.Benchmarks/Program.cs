using System.Globalization;
using Cdt.Benchmarks;

// candidates                      : every case, each in a fresh child process, and a table of figures
// candidates-case KIND ROWS FOLDER : one case (generate or validate) in this process; prints one line of figures
// execute [TARGETS [SCALE [MAX_PARALLEL]]] : the execute benchmark (default 10000 targets, x100, 500: about 12 minutes)
// execute-case ideal|scaled TARGETS SCALE MAX_PARALLEL FOLDER : one execute case in this process
// ssh [TARGETS [SCALE]]            : execute over real sshd and the gateway emulator against the in-process simulator (default 200, x60)
// ssh-case simulator|ssh|openssh CONFIG LIST STATE: one case of it in this process
// mgmt [GATEWAYS]                 : cdt inventory export from the Management API emulator (default 10000 gateways, 500 per page)
// mgmt-case CONFIG OUT            : that export in this process; prints one line of figures
// mgmt-run [TARGETS]              : generate and execute with transport: management against the emulator (default 40 gateways): API calls per target
switch (args)
{
    case ["execute", .. var rest]:
        return ExecuteBenchmark.Run(
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000,
            rest.Length > 1 ? double.Parse(rest[1], CultureInfo.InvariantCulture) : 100,
            rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 500);
    case ["execute-case", var kind, var targets, var scale, var parallel, var folder]:
        return ExecuteCase.Run(kind, int.Parse(targets, CultureInfo.InvariantCulture), double.Parse(scale, CultureInfo.InvariantCulture), int.Parse(parallel, CultureInfo.InvariantCulture), folder);
    case ["ssh", .. var rest] when OperatingSystem.IsLinux():
        return await SshBenchmark.RunAsync(
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 200,
            rest.Length > 1 ? double.Parse(rest[1], CultureInfo.InvariantCulture) : 60);
    case ["ssh-case", var kind, var config, var list, var state] when OperatingSystem.IsLinux():
        return await SshCase.RunAsync(kind, config, list, state);
    case ["mgmt", .. var rest]:
        return await MgmtBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000);
    case ["mgmt-run", .. var rest]:
        return await MgmtRunBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 40);
    case ["mgmt-case", var config, var output]:
        return await MgmtCase.RunAsync(config, output);
    case ["candidates", .. var sizes]:
        return CandidatesBenchmark.Run(sizes.Length > 0 ? sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000]);
    case ["candidates-case", var kind, var rows, var folder]:
        return CandidatesCase.Run(kind, int.Parse(rows, CultureInfo.InvariantCulture), folder);
    default:
        Console.Error.WriteLine("usage: Cdt.Benchmarks candidates [ROWS...] | execute [TARGETS [SCALE [MAX_PARALLEL]]] | ssh [TARGETS [SCALE]] | mgmt [GATEWAYS] | mgmt-run [TARGETS]");
        return 2;
}
