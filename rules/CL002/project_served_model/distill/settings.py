from dataclasses import dataclass


@dataclass
class TeacherSettings:
    base_url: str = "http://localhost:8000/v1"
    model: str = "Qwen/Qwen2.5-32B-Instruct"


@dataclass
class JudgeSettings:
    base_url: str = "http://localhost:8001/v1"
    model: str = "meta-llama/Llama-3.1-70B-Instruct"
