using NUnit.Framework;

// Two cores on the build machines: run fixtures two at a time.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
