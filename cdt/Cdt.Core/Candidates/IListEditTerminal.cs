using Cdt.Diagnostics;

namespace Cdt.Candidates;

/// <summary>The person editing a list and their editor, for <see cref="ListEditSession"/>: the adapter launches the process and prompts.</summary>
public interface IListEditTerminal
{
    /// <summary>A new private folder for the copy being edited; <see cref="RemoveScratchFolder"/> removes it with what is in it.</summary>
    string NewScratchFolder();

    void RemoveScratchFolder(string folder);

    /// <summary>Opens the editor on <paramref name="file"/> and waits for it; returns its exit code.</summary>
    Task<int> EditAsync(string file, CancellationToken ct);

    /// <summary>Shows why the edited copy is not a valid list and asks whether to edit it again (else the changes are discarded).</summary>
    Task<bool> EditAgainAsync(IReadOnlyList<Diagnostic> problems, CancellationToken ct);
}
