using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cdt.Fleet;

/// <summary>
/// Reads the <c>members:</c> of a Security Group: each an id (<c>1_1</c>), or a mapping
/// <c>{ id: 1_1, ssh: { host: ..., port: ... } }</c> when members are reached one by one (for
/// example through a <c>~/.ssh/config</c> alias that hops via the SMO). Members without their own
/// <c>ssh</c> share the Security Group's address.
/// </summary>
public static class SecurityGroupMembersReader
{
    public sealed record Entry(string Id, SshEndpoint? Ssh);

    public static IReadOnlyList<Entry> Read(YamlMap sg)
    {
        var node = sg.Find("members");
        if (node is null or YamlScalarNode)
        {
            return sg.StringList("members").Select(id => new Entry(id, null)).ToList();
        }

        if (node is not YamlSequenceNode list)
        {
            sg.Error(node, "'members' must be a list of member ids such as 1_1, or of { id: 1_1, ssh: {...} }");
            return [];
        }

        var entries = new List<Entry>();
        foreach (var item in list.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { } id }:
                    entries.Add(new Entry(id, null));
                    break;
                case YamlMappingNode map:
                    var m = new YamlMap(map, sg.Path, sg.Diagnostics);
                    var memberId = m.String("id", required: true);
                    var ssh = InventoryLoader.ReadSsh(m.Map("ssh"));
                    m.RejectUnknownKeys("a Security Group member (id, ssh)");
                    if (memberId is not null)
                    {
                        entries.Add(new Entry(memberId, ssh));
                    }

                    break;
                default:
                    sg.Error(item, "each member must be an id such as 1_1, or { id: 1_1, ssh: {...} }");
                    break;
            }
        }

        return entries;
    }
}
