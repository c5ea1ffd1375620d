using System.Text.Json.Serialization;

namespace Cdt.Management;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginBody))]
[JsonSerializable(typeof(LoginReply))]
[JsonSerializable(typeof(PageBody))]
[JsonSerializable(typeof(PageReply))]
[JsonSerializable(typeof(NameBody))]
[JsonSerializable(typeof(ClusterReply))]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(EmptyBody))]
[JsonSerializable(typeof(RunScriptBody))]
[JsonSerializable(typeof(PutFileBody))]
[JsonSerializable(typeof(TaskStartReply))]
[JsonSerializable(typeof(ShowTaskBody))]
[JsonSerializable(typeof(ShowTaskReply))]
[JsonSerializable(typeof(InstallPolicyBody))]
[JsonSerializable(typeof(PolicyTaskIdReply))]
[JsonSerializable(typeof(PolicyShowTaskBody))]
[JsonSerializable(typeof(PolicyShowTaskReply))]
public sealed partial class ManagementJsonContext : JsonSerializerContext;
