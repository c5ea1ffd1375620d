using NUnit.Framework;

// Every fixture starts its own sshd processes on its own loopback addresses and port; two at a
// time keep the two cores busy without starving the emulators sshd starts per command.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
