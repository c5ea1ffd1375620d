namespace Cdt.GatewayEmulator;

/// <summary>
/// The only commands an emulated gateway's restricted bash can find: one stub per command the
/// simulator knows, each handing its words to the emulator through the session's named pipes.
/// Any other command reaches <c>command_not_found_handle</c>, which reports it; builtins that could
/// hide a command (<c>test</c>, <c>kill</c>, ...) are switched off before the restrictions apply.
/// </summary>
public static class StubScripts
{
    /// <summary>The stub <c>command_not_found_handle</c> calls with the words of a command bash did not find.</summary>
    public const string NotFound = "cdt-not-found";

    /// <summary>The Expert-mode commands <c>GaiaSimulator</c> answers, plus <c>dd</c> (file copies, handled here).</summary>
    public static readonly IReadOnlyList<string> Commands =
    [
        "clish", "fw", "cphaprob", "cphaconf", "clusterXL_admin", "cpwd_admin", "vsenv", "md5sum", "mkdir", "dd", "cat", "rm",
        "test", "hostname", "shutdown", "reboot", "bash", "sh", "asg", "g_clusterXL_admin", "gclish", "pairctl",
    ];

    private const string Stub = """
        #!/bin/bash
        # A Gaia command of the cdt gateway emulator: hands its words to the emulator, prints the answer.
        PATH=/usr/bin:/bin
        d=$CDT_EMU_SESSION
        name=${0##*/}
        if [ "$name" = dd ]; then cat > "$d/stdin"; fi
        printf '%s\0' "$(($# + 1))" "$name" "$@" > "$d/req"
        IFS= read -r code < "$d/resp"
        cat "$d/out"
        cat "$d/err" >&2
        exit "$code"

        """;

    private const string BashEnv = """
        # Read by the emulated gateway's bash before its restrictions apply (BASH_ENV).
        command_not_found_handle() { cdt-not-found "$@"; }
        enable -n test [ kill enable
        """;

    public static void Write(EmulatorState state)
    {
        Directory.CreateDirectory(state.StubsFolder);
        foreach (var name in Commands.Append(NotFound))
        {
            var path = Path.Combine(state.StubsFolder, name);
            File.WriteAllText(path, Stub);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        File.WriteAllText(state.BashEnvPath, BashEnv + "\n");
    }
}
