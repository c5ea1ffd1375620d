using System.Text.RegularExpressions;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Gaia;
using Cdt.Yaml;

namespace Cdt.Config;

/// <summary>
/// Reads <c>schedules:</c> and <c>smtp:</c> from cdt.conf. Every problem is collected with its
/// line, like the rest of the config; the mode rule (package or plan, not both) holds per schedule.
/// </summary>
public static partial class SchedulesReader
{
    private static readonly Dictionary<string, MailEvent> MailEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["start"] = MailEvent.Start,
        ["end"] = MailEvent.End,
        ["failure"] = MailEvent.Failure,
    };

    public static IReadOnlyList<ScheduleSettings> Read(YamlMap root, Func<string, string> resolve, PackageSpec? topPackage, SmtpSettings? smtp)
    {
        var list = new List<ScheduleSettings>();
        foreach (var m in root.MapList("schedules"))
        {
            if (ReadOne(m, resolve, topPackage, smtp) is { } s)
            {
                if (list.Any(o => o.Name == s.Name))
                {
                    m.Error(m.Find("name")!, $"schedule name '{s.Name}' is used twice: each schedule needs its own name (it names its state file)");
                    continue;
                }

                list.Add(s);
            }
        }

        return list;
    }

    public static SmtpSettings? ReadSmtp(YamlMap? m)
    {
        if (m is null)
        {
            return null;
        }

        var host = m.String("host", required: true);
        var port = m.Int("port", 1, 65535);
        var from = m.String("from", required: true);
        var startTls = m.Bool("starttls");
        var user = m.String("user");
        var password = m.String("password_env");
        var allowPlaintext = m.Bool("allow_plaintext_auth") ?? false;
        m.RejectUnknownKeys("'smtp' (host, port, from, starttls, user, password_env, allow_plaintext_auth)");
        if (user is not null && startTls != true && !allowPlaintext)
        {
            // Without TLS the relay would see the password in clear; say so rather than send it.
            m.Error(m.Find("user")!, "an SMTP 'user' sends its password in clear without TLS: set 'starttls: true', or 'allow_plaintext_auth: true' if the relay is on a trusted link");
        }

        if (user is not null && password is null)
        {
            m.Error(m.Find("user")!, "an SMTP 'user' needs 'password_env', the environment variable holding its password");
        }

        if (m.Has("password"))
        {
            m.Error(m.Find("password")!, "write the SMTP password into an environment variable and name it with 'password_env'");
        }

        return host is null || from is null
            ? null
            : new SmtpSettings { Host = host, Port = port ?? 25, From = from, StartTls = startTls ?? false, User = user, PasswordVariable = password, AllowPlaintextAuth = allowPlaintext };
    }

    private static ScheduleSettings? ReadOne(YamlMap m, Func<string, string> resolve, PackageSpec? topPackage, SmtpSettings? smtp)
    {
        var errors = m.Diagnostics.Count;
        var name = m.String("name", required: true);
        var candidates = m.String("candidates", required: true);
        var plan = m.String("plan");
        var package = ConfigLoader.ReadPackage(m.Map("package"), resolve);
        var zone = ReadZone(m);
        var preparationText = m.String("preparation");
        var install = m.Map("install", required: true);
        var installText = install?.String("cron", required: true);
        var duration = install?.Duration("duration", required: true);
        install?.RejectUnknownKeys("'install' (cron, duration)");
        var catchUp = m.Bool("catch_up") ?? false;
        var grace = m.Duration("start_grace");
        var noticeMinutes = m.Int("notice_minutes", 0, 7 * 24 * 60) ?? 0;
        var noticeCommand = m.String("notice_command");
        if (noticeCommand is not null && !RemoteValues.IsCommand(noticeCommand))
        {
            m.Error(m.Find("notice_command")!, $"'notice_command' '{RemoteValues.Printable(noticeCommand)}' has characters cdt never sends to a gateway (allowed: letters, digits, space, balanced double quotes and ._:=,@%+/-; no shell syntax such as > | * ; $)");
        }

        var maxNodes = m.Int("max_nodes_per_cluster", 1);
        var download = ReadDownload(m.Map("download"));
        var mail = ReadMail(m.Map("mail"), smtp);
        m.RejectUnknownKeys("a schedule (name, candidates, plan, package, time_zone, preparation, install, catch_up, start_grace, notice_minutes, notice_command, max_nodes_per_cluster, download, mail)");

        if (name is not null && !ScheduleName().IsMatch(name))
        {
            m.Error(m.Find("name")!, $"schedule name '{name}' may hold only letters, digits, '.', '_' and '-' (it names a file)");
        }

        if (plan is not null && package is not null)
        {
            m.Error(m.Find("plan")!, $"schedule '{name}' has both 'package' (Basic mode, line {m.Find("package")!.Start.Line}) and 'plan' (Advanced mode): keep one of them");
        }
        else if (plan is null && package is null && topPackage is null)
        {
            m.Error($"schedule '{name}' has nothing to install: give it a 'package' (Basic mode) or a 'plan' (Advanced mode), or add 'package' at the top of cdt.conf");
        }

        var preparation = zone is null || preparationText is null ? null : Cron(m, "preparation", preparationText, zone);
        var installCron = zone is null || installText is null ? null : Cron(install!, "cron", installText, zone);
        if (duration is { } d && d <= TimeSpan.Zero)
        {
            install!.Error(install.Find("duration")!, "the install window's 'duration' must be longer than 0s");
        }
        else if (duration is { } window && grace is { } g && g >= window)
        {
            m.Error(m.Find("start_grace")!, $"'start_grace' ({DurationText.Format(g)}) must be shorter than the install window ({DurationText.Format(window)})");
        }

        if (m.Diagnostics.Count > errors || name is null || candidates is null || zone is null || installCron is null || duration is null)
        {
            return null;
        }

        return new ScheduleSettings
        {
            Name = name,
            Candidates = resolve(candidates),
            Plan = plan is null ? null : resolve(plan),
            Package = plan is null ? package ?? topPackage : null,
            TimeZone = zone,
            Preparation = preparation,
            Install = installCron,
            InstallDuration = duration.Value,
            CatchUp = catchUp,
            StartGrace = grace ?? TimeSpan.FromMinutes(10),
            NoticeMinutes = noticeMinutes,
            NoticeCommand = noticeCommand,
            MaxNodesPerCluster = maxNodes,
            Download = download,
            Mail = mail,
            Line = m.Line,
        };
    }

    private static TimeZoneInfo? ReadZone(YamlMap m)
    {
        var id = m.String("time_zone", required: true);
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            m.Error(m.Find("time_zone")!, $"unknown time zone '{id}': use an IANA id such as Europe/Paris, America/New_York or UTC");
            return null;
        }
    }

    private static ZonedCron? Cron(YamlMap m, string key, string text, TimeZoneInfo zone)
    {
        var cron = ZonedCron.TryParse(text, zone, out var error);
        if (cron is null)
        {
            m.Error(m.Find(key)!, $"'{key}': {error}");
        }

        return cron;
    }

    private static DownloadSettings ReadDownload(YamlMap? m)
    {
        var d = new DownloadSettings();
        if (m is null)
        {
            return d;
        }

        var attempts = m.Int("attempts", 1, 1000);
        var before = m.Int("attempts_before_install", 0, 1000);
        var delay = m.PositiveDuration("retry_delay");
        m.RejectUnknownKeys("'download' (attempts, attempts_before_install, retry_delay)");
        return new DownloadSettings
        {
            Attempts = attempts ?? d.Attempts,
            AttemptsBeforeInstall = before ?? d.AttemptsBeforeInstall,
            RetryDelay = delay ?? d.RetryDelay,
        };
    }

    private static MailSettings? ReadMail(YamlMap? m, SmtpSettings? smtp)
    {
        if (m is null)
        {
            return null;
        }

        var to = m.StringList("to");
        var on = m.StringList("on");
        m.RejectUnknownKeys("'mail' (to, on)");
        if (to.Count == 0)
        {
            m.Error("'mail' needs 'to': one or more addresses");
        }

        if (smtp is null)
        {
            m.Error("'mail' needs an 'smtp' section at the top of cdt.conf (host, from)");
        }

        var events = new HashSet<MailEvent>();
        foreach (var e in on)
        {
            if (MailEvents.TryGetValue(e.Trim(), out var v))
            {
                events.Add(v);
            }
            else
            {
                m.Error(m.Find("on")!, $"'on' lists start, end and failure, not '{e}'");
            }
        }

        return new MailSettings { To = to, On = on.Count == 0 ? MailSettings.AllEvents : events };
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScheduleName();
}
