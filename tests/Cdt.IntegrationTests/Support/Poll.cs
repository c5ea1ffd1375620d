namespace Cdt.IntegrationTests.Support;

/// <summary>Asks again with back-off until a condition holds: every question costs an SSH command and an emulator start.</summary>
public static class Poll
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var wait = TimeSpan.FromMilliseconds(250);
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTimeOffset.UtcNow + wait > deadline)
            {
                return false;
            }

            await Task.Delay(wait);
            wait = wait * 1.5 > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : wait * 1.5;
        }
    }
}
