using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Plans;

/// <summary>One target of a unit in an explanation, with its role in the cluster.</summary>
public sealed record ExplainMember(Target Target, MemberState State);
