namespace Cdt.Scheduling;

/// <summary>The two rounds of sending the package ahead (the seed's 10 + 10 attempts).</summary>
public enum DownloadRound
{
    /// <summary>In the preparation window; failure sets the warning flag.</summary>
    Ahead,

    /// <summary>Right before the install; failure means no install and the update lock.</summary>
    BeforeInstall,
}
