using Cdt.Candidates;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>One gateway the run works on: its inventory entry, its list row, how to reach it.</summary>
public sealed record RunTarget(Gateway Gateway, CandidateRow Row, Target Target)
{
    public string Name => Gateway.Name;
}
