namespace Cdt.ManagementEmulator;

/// <summary>What the emulator accepts at <c>login</c>: this user and password, or this API key.</summary>
public sealed record ManagementCredentials(string User, string Password, string ApiKey);
