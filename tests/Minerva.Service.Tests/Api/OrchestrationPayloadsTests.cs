using Minerva.Service.Api;

namespace Minerva.Service.Tests.Api;

/// <summary>The engine's payloads (PascalCase, enums as numbers) answered in the API's spelling.</summary>
public sealed class OrchestrationPayloadsTests
{
    [Fact]
    public void Output_KnownOrchestrator_IsSnakeCaseWithEnumNames() =>
        Assert.Equal("""{"status":"Failed","errors":["a.tif: not a TIFF"]}""", OrchestrationPayloads.Output("ImportOrchestrator", """{"Status":3,"Errors":["a.tif: not a TIFF"]}""")?.GetRawText());

    [Fact]
    public void CustomStatus_KnownOrchestrator_IsSnakeCase() =>
        Assert.Equal("""{"phase":"Building","files_total":2,"files_done":1}""", OrchestrationPayloads.CustomStatus("ImportOrchestrator", """{"Phase":"Building","FilesTotal":2,"FilesDone":1}""")?.GetRawText());

    [Fact]
    public void Input_ActivityByName_UsesItsDeclaredInputType() =>
        Assert.Equal("""{"uuid":"u","owner":"o","repository_uuid":"r"}""", OrchestrationPayloads.Input("ListUploadsActivity", """{"Uuid":"u","Owner":"o","RepositoryUuid":"r"}""")?.GetRawText());

    [Theory]
    [InlineData("NoSuchOrchestrator", """{"Phase":"x","Nested":{"SomeValue":3}}""", """{"phase":"x","nested":{"some_value":3}}""")]
    [InlineData("ImportOrchestrator", """{"Phase":"x","Unexpected":1}""", """{"phase":"x","unexpected":1}""")]
    [InlineData("ImportOrchestrator", "\"Cancelled through DELETE /import.\"", "\"Cancelled through DELETE /import.\"")]
    [InlineData("ImportOrchestrator", "not json at all", "\"not json at all\"")]
    public void Output_NotOfTheDeclaredType_KeepsValuesAndRenamesKeys(string name, string json, string expected) =>
        Assert.Equal(expected, OrchestrationPayloads.Output(name, json)?.GetRawText());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Output_Nothing_IsNull(string? json) => Assert.Null(OrchestrationPayloads.Output("ImportOrchestrator", json));
}
