namespace Minerva.Service.Api;

/// <summary>
/// The API's route templates, shared by the standalone host's minimal APIs and the Functions triggers (whose
/// route syntax wants no leading '/' and a single-star catch-all; host.json's routePrefix is "").
/// </summary>
public static class ApiRoutes
{
    public const string Repositories = "repository";
    public const string Repository = "repository/{uuid}";
    public const string Imports = "import";
    public const string Import = "import/{uuid}";
    public const string ImportCredentials = "import/{uuid}/credentials";
    public const string ImportFilesets = "import/{uuid}/filesets";
    public const string ImportOrchestration = "import/{uuid}/orchestration";
    public const string ImportFiles = "import/{uuid}/files";
    public const string CheckImages = "import/check-images";
    public const string Image = "image/{uuid}";
    public const string ImageZarr = "image/{uuid}/zarr/{*path}";

    // An image's signed links (no API key; see ImageLinks) and the viewer page's static assets.
    public const string SharedZarr = ImageLinks.Prefix + "/{uuid}/{token}/zarr/{*path}";
    public const string SharedViewer = ImageLinks.Prefix + "/{uuid}/{token}/view";
    public const string ViewerAssets = ViewerPage.AssetsPrefix + "/{*path}";

    // The Durable Functions HTTP API's instance routes (status query and the management links), for the caller's
    // imports. The Durable extension serves them under runtime/webhooks/, a prefix the Functions host reserves for
    // itself (no function route may start with "runtime" or "admin"), so both hosts serve them without it; the
    // standalone host serves them under DurableExtensionPrefix as well.
    public const string DurableInstance = "durabletask/instances/{id}";
    public const string DurableInstanceEvent = "durabletask/instances/{id}/raiseEvent/{eventName}";
    public const string DurableInstanceOperation = "durabletask/instances/{id}/{operation}";
    public const string DurableExtensionPrefix = "runtime/webhooks";
}
