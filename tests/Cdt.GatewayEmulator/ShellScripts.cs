using Cdt.Transport;

namespace Cdt.GatewayEmulator;

/// <summary>
/// The shell side of the emulator, written into the state folder: <c>gateway-shell</c>, which sshd
/// runs (ForceCommand) for every SSH command; one stub per Gaia command the simulator knows; and
/// the restricted bash's start-up file. They talk to the emulator over loopback TCP, one request
/// per connection, so no .NET runtime starts per command.
/// </summary>
public static class ShellScripts
{
    /// <summary>The stub <c>command_not_found_handle</c> calls with the words of a command bash did not find.</summary>
    public const string NotFound = "cdt-not-found";

    /// <summary>The Expert-mode commands <c>GaiaSimulator</c> answers, plus <c>dd</c> (file copies, handled by the emulator).</summary>
    public static readonly IReadOnlyList<string> Commands =
    [
        "clish", "fw", "cphaprob", "cphaconf", "clusterXL_admin", "cpwd_admin", "vsenv", "md5sum", "mkdir", "dd", "cat", "rm",
        "test", "hostname", "shutdown", "reboot", "bash", "sh", "asg", "g_clusterXL_admin", "gclish", "pairctl",
    ];

    // Asks the emulator: a count, then NUL-terminated fields; the answer is one line.
    private const string Ask = """
        ask() {
          exec 3<>"/dev/tcp/127.0.0.1/$(<"$CDT_EMU_STATE/port")" || return 1
          printf '%s\0' "$#" "$@" >&3
          IFS= read -r answer <&3
          exec 3<&-
          printf '%s\n' "$answer"
        }
        """;

    private const string GatewayShell = """
        #!/bin/bash
        # The login shell of every emulated gateway (sshd ForceCommand). Asks the cdt gateway emulator
        # which gateway the client dialled (the local address in SSH_CONNECTION), then runs the command
        # as that gateway's login shell would: Clish directly, Expert in a restricted bash with stubs.
        PATH=/usr/bin:/bin
        export CDT_EMU_STATE=@STATE@
        @ASK@
        address=$(set -- $SSH_CONNECTION; printf '%s' "$3")
        dropped() { printf 'Connection to %s closed by remote host.\n' "$address" >&2; exit 255; }
        session=$(mktemp -d "$CDT_EMU_STATE/sessions/s.XXXXXXXX") || exit 255
        trap 'rm -rf "$session"' EXIT
        read -r mode name <<<"$(ask open "$address")"
        case "$mode" in
          down) dropped ;;
          clish|expert) ;;
          '') printf 'cdt gateway emulator: no answer from the emulator (is it running? %s/port)\n' "$CDT_EMU_STATE" >&2; exit 255 ;;
          *) printf 'cdt gateway emulator: no emulated gateway has the address %s\n' "$address" >&2; exit 255 ;;
        esac
        if [ -z "${SSH_ORIGINAL_COMMAND+set}" ]; then
          printf 'The emulated gateway %s runs commands only; interactive logins are not emulated.\n' "$name" >&2
          exit 1
        fi
        if [ "$mode" = clish ]; then
          code=$(ask clish "$name" "$session" "$SSH_ORIGINAL_COMMAND")
          [ "$code" = drop ] && dropped
          cat "$session/out"; cat "$session/err" >&2
          exit "${code:-255}"
        fi
        env -i PATH="$CDT_EMU_STATE/stubs" BASH_ENV="$CDT_EMU_STATE/bash_env" CDT_EMU_STATE="$CDT_EMU_STATE" \
          CDT_EMU_SESSION="$session" CDT_EMU_GATEWAY="$name" CDT_EMU_SHELL=$$ LANG=C \
          /bin/bash -r -c "$SSH_ORIGINAL_COMMAND" 2> >(tee "$session/stderr" >&2)
        code=$?
        wait $!
        [ -e "$session/dropped" ] && dropped
        grep -F ': restricted' "$session/stderr" | while IFS= read -r line; do ask refused "$name" "bash -r: $line" >/dev/null; done
        exit "$code"

        """;

    private const string Stub = """
        #!/bin/bash
        # A Gaia command on an emulated gateway: hands its words to the cdt gateway emulator, prints the answer.
        PATH=/usr/bin:/bin
        @ASK@
        s=$CDT_EMU_SESSION
        name=${0##*/}
        if [ "$name" = dd ]; then cat > "$s/stdin"; fi
        code=$(ask run "$CDT_EMU_GATEWAY" "$s" "$name" "$@")
        # A dropped connection ends the whole command line: stop the restricted bash too, unless it
        # already handed its last command over to this stub (then this stub is all there is).
        if [ "$code" = drop ]; then : > "$s/dropped"; [ "$PPID" = "$CDT_EMU_SHELL" ] || kill -KILL "$PPID"; exit 255; fi
        cat "$s/out"; cat "$s/err" >&2
        exit "${code:-255}"

        """;

    private const string BashEnv = """
        # Read by the emulated gateway's bash before its restrictions apply (BASH_ENV): any command not
        # among the stubs is reported, and builtins that could stand in for one are switched off.
        command_not_found_handle() { cdt-not-found "$@"; }
        enable -n test [ kill enable

        """;

    public static void Write(EmulatorState state)
    {
        Directory.CreateDirectory(state.StubsFolder);
        var stub = Stub.Replace("@ASK@", Ask, StringComparison.Ordinal);
        foreach (var name in Commands.Append(NotFound))
        {
            WriteExecutable(Path.Combine(state.StubsFolder, name), stub);
        }

        WriteExecutable(state.GatewayShellPath, GatewayShell.Replace("@ASK@", Ask, StringComparison.Ordinal).Replace("@STATE@", ShellQuote.Single(state.Folder), StringComparison.Ordinal));
        File.WriteAllText(state.BashEnvPath, BashEnv);
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
