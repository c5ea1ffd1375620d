namespace Cdt.Fleet;

/// <summary>The shell an SSH login lands in: Expert (bash, Clish through <c>clish -c</c>) or Clish itself.</summary>
public enum LoginShell
{
    Expert,
    Clish,

    /// <summary>Not known beforehand: the Gaia driver asks the gateway once, then uses what it found.</summary>
    Auto,
}
