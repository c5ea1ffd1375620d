using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt edit LIST</c>, the way visudo and crontab -e work: edit a copy, validate it, and only a
/// valid list ever replaces the original (atomically). <c>--set NAME=BATCH</c> and
/// <c>--exclude NAME</c> do the same without an editor.
/// </summary>
public static class EditCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list to edit" };
        var set = new Option<string[]>("--set") { Description = "NAME=BATCH: put an object, or every member of a cluster, in a batch", AllowMultipleArgumentsPerToken = false };
        var exclude = new Option<string[]>("--exclude") { Description = "NAME: exclude an object, or every member of a cluster ('-')" };
        var command = new Command("edit", "Edit the Upgrade Order column safely (opens $VISUAL or $EDITOR)") { list, set, exclude };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var path = context.Resolve(parse.GetValue(list)!);
            if (!File.Exists(path))
            {
                throw new CdtInputException(path, null, null, "candidates list not found");
            }

            Locking.ListLock.RefuseIfHeld(context.Files, path, context.Processes, context.Time);

            var changes = ParseChanges(parse.GetValue(set) ?? [], parse.GetValue(exclude) ?? []);
            return changes.Count > 0
                ? await SetAsync(context, path, config.Inventory, changes)
                : await EditorAsync(context, path, config.Inventory, ct);
        });
        return command;
    }

    private static List<ListEditor.Change> ParseChanges(string[] sets, string[] excludes)
    {
        var changes = new List<ListEditor.Change>();
        foreach (var s in sets)
        {
            var eq = s.LastIndexOf('=');
            var order = eq > 0 ? UpgradeOrder.Parse(s[(eq + 1)..].Trim()) : null;
            if (order is not (UpgradeOrder.BatchOrder or UpgradeOrder.ExcludedOrder))
            {
                throw new CdtInputException($"cdt: --set {s}: write NAME=BATCH with a batch number from 1, or NAME=- to exclude");
            }

            changes.Add(new ListEditor.Change(s[..eq].Trim(), order));
        }

        changes.AddRange(excludes.Select(e => new ListEditor.Change(e.Trim(), UpgradeOrder.Excluded)));
        return changes;
    }

    private static async Task<int> SetAsync(CliContext context, string path, string inventory, List<ListEditor.Change> changes)
    {
        var original = await File.ReadAllBytesAsync(path);
        var bom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF;
        var text = new UTF8Encoding(false).GetString(original, bom ? 3 : 0, original.Length - (bom ? 3 : 0));
        var file = CandidatesCsvReader.Read(path, text, bom);
        if (file.Unreadable)
        {
            return await ValidateCommand.Report(context, ListValidation.ValidateBytes(context.Files, path, original, inventory));
        }

        var errors = new List<string>();
        var edited = ListEditor.Apply(text, file, changes, errors);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                await context.Error.WriteLineAsync("cdt: " + e);
            }

            await context.Error.WriteLineAsync($"{path} was not changed");
            return ExitCodes.BadInput;
        }

        var bytes = Encode(edited, bom);
        if (bytes.AsSpan().SequenceEqual(original))
        {
            await context.Error.WriteLineAsync($"cdt: no changes; {path} was not changed");
            return ExitCodes.Ok;
        }

        return await CommitAsync(context, path, original, bytes, ListValidation.ValidateBytes(context.Files, path, bytes, inventory));
    }

    private static async Task<int> EditorAsync(CliContext context, string path, string inventory, CancellationToken ct)
    {
        if (!context.IsInteractive)
        {
            await context.Error.WriteLineAsync("cdt: edit needs a terminal to open an editor; without one, use --set NAME=BATCH or --exclude NAME");
            return ExitCodes.BadInput;
        }

        var editor = context.Environment("VISUAL") is { Length: > 0 } v ? v : context.Environment("EDITOR") is { Length: > 0 } e ? e : "vi";
        var original = await File.ReadAllBytesAsync(path, ct);
        var folder = Directory.CreateTempSubdirectory("cdt-edit-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(path));
        await File.WriteAllBytesAsync(copy, original, ct);
        try
        {
            while (true)
            {
                var exit = await LaunchEditorAsync(editor, copy, ct);
                if (exit != 0)
                {
                    await context.Error.WriteLineAsync($"cdt: the editor exited with code {exit}; {path} was not changed");
                    return ExitCodes.BadInput;
                }

                if (!File.Exists(copy))
                {
                    await context.Error.WriteLineAsync($"cdt: the edited copy {copy} is gone; {path} was not changed");
                    return ExitCodes.BadInput;
                }

                var edited = await File.ReadAllBytesAsync(copy, ct);
                if (edited.AsSpan().SequenceEqual(original))
                {
                    await context.Error.WriteLineAsync($"cdt: no changes; {path} was not changed");
                    return ExitCodes.Ok;
                }

                var result = ListValidation.ValidateBytes(context.Files, path, edited, inventory);
                if (result.IsValid)
                {
                    return await CommitAsync(context, path, original, edited, result);
                }

                foreach (var p in result.Problems)
                {
                    await context.Error.WriteLineAsync(Location.Format(p.Path, p.Line, null, p.Message));
                }

                await context.Error.WriteAsync("The list is not valid. (e)dit again or (d)iscard your changes? [e/d] ");
                var answer = (await context.In.ReadLineAsync(ct))?.Trim().ToLowerInvariant();
                if (answer is not ("e" or "edit"))
                {
                    await context.Error.WriteLineAsync($"cdt: changes discarded; {path} was not changed");
                    return ExitCodes.BadInput;
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Replaces the list with <paramref name="edited"/> if it is valid and the original did not change meanwhile.</summary>
    private static async Task<int> CommitAsync(CliContext context, string path, byte[] original, byte[] edited, ValidationResult result)
    {
        if (!result.IsValid)
        {
            return await ValidateCommand.Report(context, result);
        }

        if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(original))
        {
            await context.Error.WriteLineAsync($"cdt: {path} changed on disk while it was being edited; nothing was written");
            return ExitCodes.BadInput;
        }

        foreach (var w in result.Warnings)
        {
            await context.Error.WriteLineAsync("cdt: warning: " + w);
        }

        context.Files.WriteAtomic(path, s => s.Write(edited));
        await context.Out.WriteAsync(ListSummary.Render(result.Rows));
        await context.Out.WriteLineAsync(path + " updated");
        return ExitCodes.Ok;
    }

    private static byte[] Encode(string text, bool bom)
    {
        var body = new UTF8Encoding(false).GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>Runs the editor as git does: through sh, so "code --wait" or "vim -n" work.</summary>
    private static async Task<int> LaunchEditorAsync(string editor, string file, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(editor + " \"$1\"");
        psi.ArgumentList.Add("cdt-edit");
        psi.ArgumentList.Add(file);
        using var process = Process.Start(psi) ?? throw new CdtInputException($"cdt: cannot start the editor '{editor}'");
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }
}
