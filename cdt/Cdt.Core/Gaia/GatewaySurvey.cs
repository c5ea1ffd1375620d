namespace Cdt.Gaia;

/// <summary>
/// What one question to a gateway told (<see cref="GaiaDriver.SurveyAsync"/>): its version, its
/// installed packages and, when asked, its imported packages and the checksum of a file in the
/// upload folder. Each part is its own answer: an unreadable part does not hide the others.
/// </summary>
public sealed record GatewaySurvey(
    GaiaAnswer<string> Version,
    GaiaAnswer<IReadOnlyList<InstallerPackage>> Installed,
    GaiaAnswer<IReadOnlyList<InstallerPackage>>? Imported,
    GatewaySurvey.UploadedFile? Upload)
{
    /// <summary>A file in the upload folder and its MD5; null when it is not there (or could not be read).</summary>
    public sealed record UploadedFile(string Path, string? Md5);
}
