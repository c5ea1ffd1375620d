using System.Text.Json.Serialization;
using Cdt.Simulation;

namespace Cdt.GatewayEmulator;

/// <summary>Compile-time JSON for the state folder: no reflection at start-up, which sshd pays for every command.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SimWorld))]
[JsonSerializable(typeof(EmulatorClock))]
public sealed partial class EmulatorJson : JsonSerializerContext;
