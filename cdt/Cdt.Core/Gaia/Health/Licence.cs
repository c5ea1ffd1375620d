namespace Cdt.Gaia.Health;

/// <summary>One licence line of <c>cplic print</c>: the host it is bound to, when it expires, its features.</summary>
public sealed record Licence(string Host, string Expiration, IReadOnlyList<string> Features);
