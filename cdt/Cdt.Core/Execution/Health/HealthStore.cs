using System.Text.Json;
using Cdt.Gaia.Health;
using Cdt.Storage;

namespace Cdt.Execution.Health;

/// <summary>
/// A run's health files, in <c>&lt;run folder&gt;/health/</c>: <c>TARGET.before.json</c> (the
/// baseline, kept across resumes), <c>TARGET.after.json</c>, <c>TARGET.soak.json</c> (the latest
/// re-check), and <c>TARGET.LABEL.findings.json</c> beside a snapshot that had findings.
/// Written atomically; a baseline that cannot be read back is no baseline.
/// </summary>
public sealed class HealthStore
{
    public const string FolderName = "health";
    public const string Before = "before";

    private readonly IFileStore _files;
    private readonly string _folder;

    public HealthStore(IFileStore files, string runFolder)
    {
        _files = files;
        _folder = Path.Combine(runFolder, FolderName);
    }

    public string PathOf(string target, string label) => Path.Combine(_folder, target + "." + label + ".json");

    public void Write(HealthSnapshot snapshot, string label)
    {
        _files.CreateFolder(_folder);
        _files.WriteAtomic(PathOf(snapshot.Target, label), s => JsonSerializer.Serialize(s, snapshot, HealthJsonContext.Readable.HealthSnapshot));
    }

    public void WriteFindings(string target, string label, IReadOnlyList<HealthFinding> findings)
    {
        _files.CreateFolder(_folder);
        _files.WriteAtomic(PathOf(target, label + ".findings"), s => JsonSerializer.Serialize(s, findings.ToList(), HealthJsonContext.Readable.ListHealthFinding));
    }

    public HealthSnapshot? Baseline(string target)
    {
        var path = PathOf(target, Before);
        if (!_files.FileExists(path))
        {
            return null;
        }

        try
        {
            using var stream = _files.OpenRead(path);
            return JsonSerializer.Deserialize(stream, HealthJsonContext.Readable.HealthSnapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
