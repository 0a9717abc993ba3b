using Minerva.Service.Records;

namespace Minerva.Service.Api.Models;

/// <summary>POST /repository.</summary>
public sealed record CreateRepositoryRequest(string? Name, string? RawStorage);

/// <summary>{"uuid","name","raw_storage","created"}.</summary>
public sealed record RepositoryResponse(string Uuid, string Name, RawStorage RawStorage, DateTimeOffset Created)
{
    public static RepositoryResponse From(RepositoryRecord r) => new(r.Uuid, r.Name, r.RawStorage, r.Created);
}
