from abc import ABC, abstractmethod


class Reranker(ABC):
    @abstractmethod
    def create_prompt(self, result, start, end):
        """The prompt for one result, and its length in tokens."""

    @abstractmethod
    def create_prompt_batched(self, results, start, end):
        """`create_prompt` for each result."""

    @abstractmethod
    def run_llm(self, prompt):
        """The model's answer to one prompt, and its length."""

    @abstractmethod
    def run_llm_batched(self, prompts):
        """`run_llm` for each prompt."""
