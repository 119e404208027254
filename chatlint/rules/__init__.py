"""The rule registry. A new rule is a module here and one line in `ALL_RULES`."""

from __future__ import annotations

from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.cl001_generation_prompt_on_full_conversation import GenerationPromptOnFullConversation
from chatlint.rules.cl002_double_bos import DoubleBos
from chatlint.rules.cl003_prompt_mask_without_generation_prompt import PromptMaskWithoutGenerationPrompt
from chatlint.rules.cl004_pad_eos_masked_by_value import PadEosMaskedByValue
from chatlint.rules.cl005_batch_encoding_as_token_list import BatchEncodingAsTokenList
from chatlint.rules.cl006_incompatible_flags import IncompatibleFlags
from chatlint.rules.cl007_completion_marker_out_of_context import CompletionMarkerOutOfContext
from chatlint.rules.cl008_end_of_turn_added_twice import EndOfTurnAddedTwice
from chatlint.rules.cl009_labels_overwritten_by_collator import LabelsOverwrittenByCollator
from chatlint.rules.cl010_labels_shifted_twice import LabelsShiftedTwice
from chatlint.rules.cl011_assistant_mask_without_generation_block import AssistantMaskWithoutGenerationBlock
from chatlint.rules.cl100_unused_noqa import UnusedNoqa
from chatlint.rules.cl201_known_library_label_bug import KnownLibraryLabelBug

ALL_RULES: tuple[type[Rule], ...] = (
    GenerationPromptOnFullConversation,
    DoubleBos,
    PromptMaskWithoutGenerationPrompt,
    PadEosMaskedByValue,
    BatchEncodingAsTokenList,
    IncompatibleFlags,
    CompletionMarkerOutOfContext,
    EndOfTurnAddedTwice,
    LabelsOverwrittenByCollator,
    LabelsShiftedTwice,
    AssistantMaskWithoutGenerationBlock,
    UnusedNoqa,
    KnownLibraryLabelBug,
)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}

__all__ = ["ALL_RULES", "RULES_BY_CODE", "Diagnostic", "NodeEdit", "NodeFix", "Rule"]
