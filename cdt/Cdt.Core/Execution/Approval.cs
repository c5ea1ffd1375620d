using System.Globalization;
using Cdt.Diagnostics;

namespace Cdt.Execution;

/// <summary>
/// An operator's approval as <c>cdt approve</c> journals it: who (the process's user name) and an
/// optional note. Both are stored with control characters escaped, so a note can never forge a
/// journal line, a status line or a log line; a note is at most <see cref="MaxNoteLength"/> characters.
/// </summary>
public sealed record Approval
{
    public const int MaxNoteLength = 500;

    /// <summary>A user name longer than this is cut: it comes from the environment, not from the operator's typing.</summary>
    public const int MaxUserLength = 64;

    private Approval(string user, string? note)
    {
        User = user;
        Note = note;
    }

    public string User { get; }

    public string? Note { get; }

    /// <summary>Refuses a note over <see cref="MaxNoteLength"/> characters (bad input, nothing journaled).</summary>
    public static Approval Of(string user, string? note)
    {
        if (note is { Length: > MaxNoteLength })
        {
            throw new CdtInputException(string.Create(CultureInfo.InvariantCulture, $"cdt approve: --note is {note.Length} characters long; write at most {MaxNoteLength}"));
        }

        var name = Location.Escape(user.Length > MaxUserLength ? user[..MaxUserLength] : user);
        return new Approval(name.Length == 0 ? "unknown user" : name, string.IsNullOrWhiteSpace(note) ? null : Location.Escape(note));
    }
}
