using System.Diagnostics.CodeAnalysis;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>A driver call's outcome: a parsed value, or one line saying what went wrong, plus the raw command result (<see cref="Raw"/>).</summary>
public sealed record GaiaAnswer<T>(T? Value, string? Error, CommandResult? Raw)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Ok => Error is null && Value is not null;

    /// <summary>The transport failed (not the gateway's answer): unreachable, dropped, timed out, host key...</summary>
    public bool TransportFailed => Raw is { Answered: false };

    public static GaiaAnswer<T> From(CommandResult result, Func<string, Parsed<T>> parse, string what)
    {
        if (!result.Answered)
        {
            return new GaiaAnswer<T>(null, what + ": " + result.Describe(), result);
        }

        var parsed = parse(result.Stdout);
        if (parsed.Ok && result.ExitCode == 0)
        {
            return new GaiaAnswer<T>(parsed.Value, null, result);
        }

        return new GaiaAnswer<T>(null, what + ": " + (result.ExitCode != 0 ? result.Describe() : parsed.Error), result);
    }
}
