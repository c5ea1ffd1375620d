using Cdt.Fleet;
using Cdt.Fleet.Management;
using Cdt.Yaml;

namespace Cdt.Config;

/// <summary>
/// Reads <c>inventory: { management: {...} }</c>. Secrets are refused in the file: only the names of
/// environment variables are accepted, and an unverified server certificate is not an option.
/// </summary>
public static class ManagementSettingsReader
{
    private static readonly string[] SecretKeys = ["password", "api_key", "api-key"];

    public static ManagementSettings? Read(YamlMap inventory, Func<string, string> resolve)
    {
        var m = inventory.Map("management", required: true);
        inventory.RejectUnknownKeys("'inventory' (a file path, or management)");
        if (m is null)
        {
            return null;
        }

        var server = m.String("server", required: true);
        var domain = m.String("domain");
        var apiKeyEnv = m.String("api_key_env");
        var user = m.String("user");
        var passwordEnv = m.String("password_env");
        var fingerprint = m.String("fingerprint");
        var caFile = m.String("ca_file");
        var timeout = m.Duration("timeout");
        var pageSize = m.Int("page_size", 1, 500);
        var scriptLimit = m.PositiveDuration("script_limit");
        var taskPoll = m.PositiveDuration("task_poll");
        foreach (var secret in SecretKeys.Where(m.Has))
        {
            m.Error(m.Find(secret)!, $"'{secret}' does not belong in cdt.conf: put it in an environment variable and name it with '{(secret == "password" ? "password_env" : "api_key_env")}'");
        }

        m.RejectUnknownKeys("'inventory.management' (server, domain, api_key_env, user, password_env, fingerprint, ca_file, timeout, page_size, script_limit, task_poll)");
        if ((apiKeyEnv is null) == (user is null || passwordEnv is null) || (apiKeyEnv is not null && (user ?? passwordEnv) is not null))
        {
            m.Error("'inventory.management' needs either 'api_key_env', or both 'user' and 'password_env'");
        }

        if ((fingerprint is null) == (caFile is null))
        {
            m.Error("'inventory.management' needs either 'fingerprint' (SHA256:...) or 'ca_file': the server certificate is always verified");
        }

        if (fingerprint is not null && ManagementPin.Parse(fingerprint) is null)
        {
            m.Error(m.Find("fingerprint")!, $"'{fingerprint}' is not a SHA-256 fingerprint: write SHA256: followed by 64 hexadecimal digits (colons allowed)");
        }

        if (domain is not null && !Names.IsObjectName(domain))
        {
            m.Error(m.Find("domain")!, $"'{domain}' is not a valid domain name: {Names.ObjectNameRule}");
        }

        Uri? uri = null;
        if (server is not null && (!Uri.TryCreate(server, UriKind.Absolute, out uri) || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/"))
        {
            m.Error(m.Find("server")!, $"'{server}' is not a server address such as https://10.0.0.10:443 (https only, no path)");
            uri = null;
        }

        return uri is null ? null : new ManagementSettings
        {
            Server = uri,
            Domain = domain,
            ApiKeyEnv = apiKeyEnv,
            User = user,
            PasswordEnv = passwordEnv,
            Fingerprint = fingerprint,
            CaFile = caFile is null ? null : resolve(caFile),
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
            PageSize = pageSize ?? 500,
            ScriptLimit = scriptLimit ?? ManagementSettings.DefaultScriptLimit,
            TaskPoll = taskPoll ?? ManagementSettings.DefaultTaskPoll,
        };
    }
}
