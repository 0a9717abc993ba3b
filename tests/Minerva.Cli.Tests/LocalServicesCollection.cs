using Minerva.Testing.Services;

namespace Minerva.Cli.Tests;

/// <summary>One Azurite and one S3 for the whole test assembly.</summary>
[CollectionDefinition(LocalServices.Collection)]
public sealed class LocalServicesCollection : ICollectionFixture<LocalServices>;
