using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;

namespace Minerva.Cli.Commands;

/// <summary>Finds the caller's repository by uuid or by name (names are what people type).</summary>
internal static class RepositoryLookup
{
    public static Repository Find(IReadOnlyList<Repository> repositories, string nameOrUuid) =>
        TryFind(repositories, nameOrUuid)
        ?? throw new UsageException($"you have no repository named '{nameOrUuid}' (see `minerva repos`)");

    public static Repository? TryFind(IReadOnlyList<Repository> repositories, string nameOrUuid) =>
        repositories.FirstOrDefault(r => string.Equals(r.Uuid, nameOrUuid, StringComparison.OrdinalIgnoreCase))
        ?? repositories.FirstOrDefault(r => r.Name == nameOrUuid);

    /// <summary>The repository named <paramref name="name"/>, created with <paramref name="rawStorage"/> when there is none.</summary>
    public static async Task<(Repository Repository, bool Created)> FindOrCreateAsync(
        MinervaClient client, string name, RawStorage rawStorage, CancellationToken ct)
    {
        var existing = TryFind((await client.ListRepositoriesAsync(ct)).Value, name);
        return existing is not null
            ? (existing, false)
            : ((await client.CreateRepositoryAsync(new NewRepository(name, rawStorage), ct)).Value, true);
    }
}
