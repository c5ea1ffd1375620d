using Cdt.Fleet;

namespace Cdt.Plans;

/// <summary>
/// Builds one action from its attributes, the same way for both formats: required attributes,
/// types, durations and ranges. Returns null when a problem makes the action unusable (the
/// problem is already recorded).
/// </summary>
public static class ActionFactory
{
    public static PlanAction? Build(string name, IPlanAttributes a, string planFolder, string? comment)
    {
        var allowed = PlanVocabulary.Attributes[name];
        a.RejectUnknown(allowed, name);
        PlanAction? action = name switch
        {
            "create_snapshot" => Snapshot(a),
            "send_package" => Package(a, planFolder, (f, n, v) => new SendPackageAction { File = f, CpuseName = n, Versions = v, Position = a.Position }),
            "import_package" => Package(a, planFolder, (f, n, v) => new ImportPackageAction { File = f, CpuseName = n, Versions = v, Position = a.Position }),
            "verify_package" => Package(a, planFolder, (f, n, v) => new VerifyPackageAction { File = f, CpuseName = n, Versions = v, Position = a.Position }),
            "install_package" => Package(a, planFolder, (f, n, v) => new InstallPackageAction { File = f, CpuseName = n, Versions = v, Position = a.Position }),
            "upgrade_package" => Upgrade(a, planFolder),
            "download_from_cloud" => Package(a, planFolder, (f, n, v) => new DownloadFromCloudAction { File = f, CpuseName = n, Versions = v, Position = a.Position }),
            "uninstall_package" => Uninstall(a),
            "execute_command" => a.String("command", required: true) is { } c ? new ExecuteCommandAction { Command = c, Position = a.Position } : null,
            "execute_script" => Script(a, planFolder),
            "push_file" => Push(a, planFolder),
            "pull_file" => a.String("remote", required: true) is { } r ? new PullFileAction { Remote = r, Position = a.Position } : null,
            "reboot" => new RebootAction { Position = a.Position },
            "wait_for" => WaitFor(a),
            "log" => a.String("message", required: true) is { } m ? new LogAction { Message = m, Critical = false, Position = a.Position } : null,
            "send_email" => Email(a),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an action of PlanVocabulary"),
        };
        return action is null ? null : WithCommon(action, a, allowed, comment);
    }

    private static PlanAction WithCommon(PlanAction action, IPlanAttributes a, IReadOnlyList<string> allowed, string? comment)
    {
        var critical = allowed.Contains(PlanVocabulary.CriticalKey) ? a.Bool(PlanVocabulary.CriticalKey) ?? true : action.Critical;
        TimeSpan? timeout = null;
        if (allowed.Contains(PlanVocabulary.TimeoutKey) && a.Duration(PlanVocabulary.TimeoutKey) is { } t)
        {
            if (t <= TimeSpan.Zero)
            {
                a.Error(PlanVocabulary.TimeoutKey, $"'{a.Spelling(PlanVocabulary.TimeoutKey)}' must be longer than zero");
            }
            else
            {
                timeout = t;
            }
        }

        var retries = allowed.Contains(PlanVocabulary.RetriesKey) ? a.Int(PlanVocabulary.RetriesKey, 0, PlanVocabulary.MaxRetries) ?? 0 : 0;
        return action with
        {
            Critical = critical,
            Timeout = timeout,
            Retries = retries,
            Comment = comment,
            AttributePositions = a.Positions,
        };
    }

    private static CreateSnapshotAction? Snapshot(IPlanAttributes a)
    {
        var name = a.String("name", required: true);
        var description = a.String("description");
        return name is null ? null : new CreateSnapshotAction { SnapshotName = name, Description = description, Position = a.Position };
    }

    private static PackageAction? Package(IPlanAttributes a, string folder, Func<LocalFile, string?, IReadOnlyList<string>, PackageAction> make)
    {
        var path = a.String(PlanVocabulary.PathKey, required: true);
        var name = a.String("name");
        var versions = a.List("versions");
        foreach (var v in versions.Where(v => !Names.IsVersion(v)))
        {
            a.Error("versions", $"'{v}' is not a Gaia version such as R81.20 or R82");
        }

        return path is null ? null : make(LocalFile.Resolve(path, folder), name, versions);
    }

    private static UpgradePackageAction? Upgrade(IPlanAttributes a, string folder)
    {
        var target = a.String("target_version");
        if (target is not null && !Names.IsVersion(target))
        {
            a.Error("target_version", $"'{target}' is not a Gaia version such as R82");
            target = null;
        }

        return Package(a, folder, (f, n, v) => new UpgradePackageAction { File = f, CpuseName = n, Versions = v, TargetVersion = target, Position = a.Position }) as UpgradePackageAction;
    }

    private static UninstallPackageAction? Uninstall(IPlanAttributes a)
    {
        var name = a.String("name");
        var path = a.String(PlanVocabulary.PathKey);
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(path))
        {
            a.Error(null, $"say which package to uninstall: 'name' (as CPUSE shows it) or '{a.Spelling(PlanVocabulary.PathKey)}' (its file)");
            return null;
        }

        var package = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(path!.Trim()) : name;
        return new UninstallPackageAction { PackageName = package, WrittenPath = path, Position = a.Position };
    }

    private static ExecuteScriptAction? Script(IPlanAttributes a, string folder)
    {
        var path = a.String(PlanVocabulary.PathKey, required: true);
        var arguments = a.List("arguments");
        return path is null ? null : new ExecuteScriptAction { Script = LocalFile.Resolve(path, folder), Arguments = arguments, Position = a.Position };
    }

    private static PushFileAction? Push(IPlanAttributes a, string folder)
    {
        var local = a.String("local", required: true);
        var remote = a.String("remote", required: true);
        return local is null || remote is null ? null : new PushFileAction { Local = LocalFile.Resolve(local, folder), Remote = remote, Position = a.Position };
    }

    private static WaitForAction? WaitFor(IPlanAttributes a)
    {
        var command = a.String("command", required: true);
        var output = a.String("output");
        var exit = a.Int("exit_code", 0, 255);
        var interval = a.Duration("interval");
        if (interval is { } i && i <= TimeSpan.Zero)
        {
            a.Error("interval", "'interval' must be longer than zero");
            interval = null;
        }

        if (output is not null && output.Length == 0)
        {
            a.Error("output", "'output' must not be empty: every output contains the empty text");
        }

        return command is null ? null : new WaitForAction
        {
            Command = command,
            Output = string.IsNullOrEmpty(output) ? null : output,
            ExitCode = exit,
            Interval = interval ?? WaitForAction.DefaultInterval,
            Position = a.Position,
        };
    }

    private static SendEmailAction? Email(IPlanAttributes a)
    {
        var to = a.List("to");
        if (!a.Has("to") || to.Count == 0)
        {
            a.Error(a.Has("to") ? "to" : null, "missing 'to': one or more mail addresses");
        }

        var subject = a.String("subject", required: true);
        var body = a.String("body") ?? string.Empty;
        return to.Count == 0 || subject is null ? null : new SendEmailAction { To = to, Subject = subject, Body = body, Critical = false, Position = a.Position };
    }
}
