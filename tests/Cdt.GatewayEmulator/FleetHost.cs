using Cdt.Simulation;

namespace Cdt.GatewayEmulator;

/// <summary>
/// The emulated fleet in memory, one change at a time: every request the emulator serves goes
/// through here, with the world advanced to the emulated now first. Saved to the state folder on
/// request (a snapshot) and when the emulator stops.
/// </summary>
public sealed class FleetHost : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmulatorState _state;
    private readonly SimWorld _world;

    private FleetHost(EmulatorState state, SimWorld world)
    {
        _state = state;
        _world = world;
    }

    public EmulatorState State => _state;

    public static async Task<FleetHost> LoadAsync(EmulatorState state, CancellationToken ct) => new(state, await state.LoadAsync(ct));

    public async Task<T> UpdateAsync<T>(Func<SimWorld, DateTimeOffset, T> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = _state.Now();
            _world.AdvanceTo(now);
            return change(_world, now);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            _world.AdvanceTo(_state.Now());
            await _state.SaveAsync(_world, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
