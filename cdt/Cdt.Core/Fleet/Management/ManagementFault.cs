using Cdt.Diagnostics;

namespace Cdt.Fleet.Management;

/// <summary>The one line every Management API failure becomes: the server, the call, what happened.</summary>
public static class ManagementFault
{
    public static CdtInputException Of(string server, string call, string what) =>
        new($"management server {server}: {call}: {what}");
}
