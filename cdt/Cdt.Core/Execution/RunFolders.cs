using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Storage;

namespace Cdt.Execution;

/// <summary>Where a run lives: a new folder logs/&lt;execution time&gt;/, or the folder of the run <c>cdt resume</c> continues.</summary>
public sealed class RunFolders(IFileStore files, TimeProvider time)
{

    /// <summary>A new folder logs/&lt;execution time&gt;/.</summary>
    public string New(ExecuteRequest request)
    {
        var logs = request.Config.Execute.LogsDir;
        var stamp = time.GetLocalNow().ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(logs, stamp);
        for (var n = 2; files.FolderExists(folder); n++)
        {
            folder = Path.Combine(logs, stamp + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        files.CreateFolder(folder);
        return folder;
    }

    /// <summary>The latest run of this list (or the run folder given), which must be of the same list, unchanged; reads only.</summary>
    public (string Folder, RunEvent Started) FindResumed(ExecuteRequest request, string listSha)
    {
        var logs = request.Config.Execute.LogsDir;
        var candidates = request.ResumeFolder is { } given ? [given] : files.Folders(logs).Reverse().ToArray();
        foreach (var folder in candidates)
        {
            var journal = Path.Combine(folder, ExecutionService.JournalName);
            if (!files.FileExists(journal))
            {
                continue;
            }

            var started = RunJournal.Read(files, journal).FirstOrDefault(e => e.Event == RunEvents.RunStarted);
            if (started?.List != request.ListPath)
            {
                continue;
            }

            if (started.ListSha256 != listSha)
            {
                throw new CdtInputException(request.ListPath, null, null, $"changed since the run in {folder} started: resume continues that run exactly, so the list must be the same; start a new run with 'cdt execute' instead");
            }

            if ((started.Action == "uninstall") != request.Uninstall)
            {
                throw new CdtInputException(request.ListPath, null, null, started.Action == "uninstall"
                    ? $"the run in {folder} uninstalls the package: resume it with --uninstall"
                    : $"the run in {folder} installs the package: resume it without --uninstall");
            }

            return (folder, started);
        }

        throw new CdtInputException(request.ListPath, null, null, $"no earlier run of this list to resume in {logs}: start one with 'cdt execute'");
    }
}
