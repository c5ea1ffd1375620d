namespace Cdt.Candidates;

/// <summary>The validate operation: read the list and its record, check both against the inventory.</summary>
public static class ListValidation
{
    public static ValidationResult ValidateFile(string listPath, string inventoryPath) =>
        ValidateBytes(listPath, null, inventoryPath);

    /// <summary>Validates content as if it were the list at <paramref name="listPath"/> (used by edit on its copy).</summary>
    public static ValidationResult ValidateBytes(string listPath, byte[]? content, string inventoryPath)
    {
        var file = content is null ? CandidatesCsvReader.ReadFile(listPath) : CandidatesCsvReader.Read(listPath, content);
        var record = GenerationRecordStore.TryRead(listPath, out var recordError);
        return CandidatesValidator.Validate(file, record, recordError, new FileInventoryView(inventoryPath)) with { ForRemoval = record?.Uninstall };
    }
}
