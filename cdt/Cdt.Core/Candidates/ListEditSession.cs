using System.Text;
using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>
/// An edit of a list the way visudo and crontab -e work: a copy is edited and validated, and only
/// a valid list ever replaces the original, atomically, and only if the original did not change
/// meanwhile. Changes given by name (<c>--set</c>, <c>--exclude</c>) go through the same checks.
/// </summary>
public sealed class ListEditSession(IFileStore files, string path, string inventory)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public ListEditOutcome Apply(IReadOnlyList<ListEditor.Change> changes)
    {
        var original = files.ReadAllBytes(path);
        var bom = original.AsSpan().StartsWith(Utf8Bom);
        var text = new UTF8Encoding(false).GetString(original, bom ? Utf8Bom.Length : 0, original.Length - (bom ? Utf8Bom.Length : 0));
        var file = CandidatesCsvReader.Read(path, text, bom);
        if (file.Unreadable)
        {
            return new ListEditOutcome.Invalid(ListValidation.ValidateBytes(files, path, original, inventory));
        }

        var errors = new List<string>();
        var edited = ListEditor.Apply(text, file, changes, errors);
        if (errors.Count > 0)
        {
            return new ListEditOutcome.UnknownNames(errors);
        }

        var bytes = Encode(edited, bom);
        return bytes.AsSpan().SequenceEqual(original)
            ? new ListEditOutcome.Unchanged()
            : Commit(original, bytes, ListValidation.ValidateBytes(files, path, bytes, inventory));
    }

    /// <summary>Edits a copy in the editor until it is a valid list, or the editor fails, or the person discards the changes.</summary>
    public async Task<ListEditOutcome> EditAsync(IListEditTerminal terminal, CancellationToken ct)
    {
        var original = files.ReadAllBytes(path);
        var folder = terminal.NewScratchFolder();
        var copy = Path.Combine(folder, Path.GetFileName(path));
        files.WriteAtomic(copy, s => s.Write(original));
        try
        {
            while (true)
            {
                var exit = await terminal.EditAsync(copy, ct);
                if (exit != 0)
                {
                    return new ListEditOutcome.NotWritten($"the editor exited with code {exit}; {path} was not changed");
                }

                if (!files.FileExists(copy))
                {
                    return new ListEditOutcome.NotWritten($"the edited copy {copy} is gone; {path} was not changed");
                }

                var edited = files.ReadAllBytes(copy);
                if (edited.AsSpan().SequenceEqual(original))
                {
                    return new ListEditOutcome.Unchanged();
                }

                var result = ListValidation.ValidateBytes(files, path, edited, inventory);
                if (result.IsValid)
                {
                    return Commit(original, edited, result);
                }

                if (!await terminal.EditAgainAsync(result.Problems, ct))
                {
                    return new ListEditOutcome.NotWritten($"changes discarded; {path} was not changed");
                }
            }
        }
        finally
        {
            terminal.RemoveScratchFolder(folder);
        }
    }

    /// <summary>Replaces the list with <paramref name="edited"/> if it is valid and the original did not change meanwhile.</summary>
    private ListEditOutcome Commit(byte[] original, byte[] edited, ValidationResult result)
    {
        if (!result.IsValid)
        {
            return new ListEditOutcome.Invalid(result);
        }

        if (!files.ReadAllBytes(path).AsSpan().SequenceEqual(original))
        {
            return new ListEditOutcome.NotWritten($"{path} changed on disk while it was being edited; nothing was written");
        }

        files.WriteAtomic(path, s => s.Write(edited));
        return new ListEditOutcome.Updated(result);
    }

    private static byte[] Encode(string text, bool bom)
    {
        var body = new UTF8Encoding(false).GetBytes(text);
        return bom ? [.. Utf8Bom, .. body] : body;
    }
}
