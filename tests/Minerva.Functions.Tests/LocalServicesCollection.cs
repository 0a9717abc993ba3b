using Minerva.Testing.Services;

namespace Minerva.Functions.Tests;

/// <summary>One Azurite and one S3 for the whole test assembly.</summary>
[CollectionDefinition(LocalServices.Collection)]
public sealed class LocalServicesCollection : ICollectionFixture<LocalServices>;
