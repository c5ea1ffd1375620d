namespace Cdt.Tests.Execution;

/// <summary>Small inventories for engine tests (a package "pkg_R81_20_T92.tgz" is added by the harness).</summary>
public static class Fleets
{
    public static string Standalone(int count, string prefix = "gw", string simulation = "") =>
        "gateways:\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
            $"  - {{ name: {prefix}{i:00}, ip: 10.0.{i / 250}.{i % 250 + 1}, version: R81.20{(simulation.Length > 0 ? ", simulation: " + simulation : string.Empty)} }}\n"));

    /// <summary>A <c>clusters:</c> section holding the given cluster entries.</summary>
    public static string Clusters(params string[] entries) => "clusters:\n" + string.Concat(entries);

    public const string HaPair = """
          - name: cl-a
            type: clusterxl-ha
            version: R81.20
            members:
              - { name: cl-a-m1, ip: 10.1.0.1, state: active }
              - { name: cl-a-m2, ip: 10.1.0.2, state: standby }

        """;

    public const string HaTriple = """
          - name: cl-b
            type: clusterxl-ha
            version: R81.20
            members:
              - { name: cl-b-m1, ip: 10.1.1.1, state: standby }
              - { name: cl-b-m2, ip: 10.1.1.2, state: active }
              - { name: cl-b-m3, ip: 10.1.1.3, state: standby }

        """;

    public const string Vrrp = """
          - name: vr
            type: vrrp
            version: R81.20
            members:
              - { name: vr-m1, ip: 10.2.0.1, state: master }
              - { name: vr-m2, ip: 10.2.0.2, state: backup }

        """;

    public const string Vsls = """
          - name: vs
            type: vsx-vsls
            version: R81.20
            members:
              - { name: vs-m1, ip: 10.3.0.1, state: VSLS member }
              - { name: vs-m2, ip: 10.3.0.2, state: VSLS active member }
              - { name: vs-m3, ip: 10.3.0.3, state: VSLS member }

        """;
}
