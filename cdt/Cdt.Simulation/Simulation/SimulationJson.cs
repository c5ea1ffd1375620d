using System.Text.Json.Serialization;

namespace Cdt.Simulation;

/// <summary>Compile-time JSON for the simulated fleet's state file: it is written after every change, so no reflection.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(SimWorld))]
public sealed partial class SimulationJson : JsonSerializerContext;
