using System.Security.Cryptography;
using System.Text;
using Cdt.Tests.Support;
using Cdt.Transport.SshNet;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Transport;

public class KnownHostsFileTests
{
    private static readonly byte[] KeyA = Blob("ssh-ed25519", 1);
    private static readonly byte[] KeyB = Blob("ssh-ed25519", 2);
    private static readonly byte[] RsaKey = Blob("ssh-rsa", 3);

    [Test]
    public void APlainEntryWithAPortIsFoundUnderItsBracketedName()
    {
        using var temp = new TempFolder();
        var file = new KnownHostsFile(temp.Write("known_hosts", $"[10.0.0.1]:2222 ssh-ed25519 {B64(KeyA)}\n"));

        file.Check(KnownHostsFile.HostName("10.0.0.1", 2222), "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Known);
        file.Check(KnownHostsFile.HostName("10.0.0.1", 22), "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Unknown);
    }

    [Test]
    public void AHashedEntryMatchesOnlyItsHost()
    {
        using var temp = new TempFolder();
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // OpenSSH's hashed known_hosts format is HMAC-SHA1.
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("gw1.example"));
#pragma warning restore CA5350
        var file = new KnownHostsFile(temp.Write("known_hosts", $"|1|{B64(salt)}|{B64(hash)} ssh-ed25519 {B64(KeyA)}\n"));

        file.Check("gw1.example", "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Known);
        file.Check("gw2.example", "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Unknown);
    }

    [Test]
    public void AnotherKeyOfTheSameTypeIsAMismatchButAnotherTypeIsUnknown()
    {
        using var temp = new TempFolder();
        var file = new KnownHostsFile(temp.Write("known_hosts", $"# fleet\ngw1,10.0.0.1 ssh-ed25519 {B64(KeyA)}\n"));

        file.Check("10.0.0.1", "ssh-ed25519", KeyB).ShouldBe(HostKeyVerdict.Mismatch);
        file.Check("10.0.0.1", "ssh-rsa", RsaKey).ShouldBe(HostKeyVerdict.Unknown);
        file.TypesFor("gw1").ShouldBe(["ssh-ed25519"]);
    }

    [Test]
    public void ARevokedKeyIsNeverTrusted()
    {
        using var temp = new TempFolder();
        var file = new KnownHostsFile(temp.Write("known_hosts", $"@revoked * ssh-ed25519 {B64(KeyA)}\ngw1 ssh-ed25519 {B64(KeyA)}\n"));

        file.Check("gw1", "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Known);
        new KnownHostsFile(temp.Write("k2", $"@revoked gw1 ssh-ed25519 {B64(KeyA)}\ngw1 ssh-ed25519 {B64(KeyA)}\n")).Check("gw1", "ssh-ed25519", KeyA).ShouldBe(HostKeyVerdict.Mismatch);
    }

    [Test]
    public async Task ARecordedKeyIsAppendedOnceAndTheRestIsKept()
    {
        using var temp = new TempFolder();
        var path = temp.Write("known_hosts", $"gw1 ssh-ed25519 {B64(KeyA)}");
        var file = new KnownHostsFile(path);

        await file.AddAsync("[10.0.0.2]:2222", "ssh-ed25519", KeyB, default);
        await file.AddAsync("[10.0.0.2]:2222", "ssh-ed25519", KeyB, default);

        (await File.ReadAllTextAsync(path)).ShouldBe($"gw1 ssh-ed25519 {B64(KeyA)}\n[10.0.0.2]:2222 ssh-ed25519 {B64(KeyB)}\n");
        Directory.GetFiles(temp.Path).Length.ShouldBe(1, "no temporary file is left behind");
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes);

    private static byte[] Blob(string type, byte fill)
    {
        var name = Encoding.ASCII.GetBytes(type);
        return [0, 0, 0, (byte)name.Length, .. name, 0, 0, 0, 32, .. Enumerable.Repeat(fill, 32)];
    }
}
