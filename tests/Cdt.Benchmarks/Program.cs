using System.Globalization;
using Cdt.Benchmarks;

// candidates                      : every case, each in a fresh child process, and a table of figures
// candidates-case KIND ROWS FOLDER : one case (generate or validate) in this process; prints one line of figures
switch (args)
{
    case ["candidates", .. var sizes]:
        return CandidatesBenchmark.Run(sizes.Length > 0 ? sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000]);
    case ["candidates-case", var kind, var rows, var folder]:
        return CandidatesCase.Run(kind, int.Parse(rows, CultureInfo.InvariantCulture), folder);
    default:
        Console.Error.WriteLine("usage: Cdt.Benchmarks candidates [ROWS...] | candidates-case generate|validate ROWS FOLDER");
        return 2;
}
