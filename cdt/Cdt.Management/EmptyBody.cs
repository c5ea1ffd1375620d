namespace Cdt.Management;

/// <summary>The <c>{}</c> body of <c>logout</c>.</summary>
public sealed class EmptyBody;
