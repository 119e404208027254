_V1_TEMPLATE = """{%- for message in messages -%}
<|{{ message['role'] }}|>
{{ message['content'] }}{% if message['role'] == 'assistant' %}{{ eos_token }}{% endif %}
{%- endfor -%}
{%- if add_generation_prompt -%}<|assistant|>{%- endif -%}"""

_LLAMA_STYLE_TEMPLATE = """{{ bos_token }}{%- for message in messages -%}
<|start_header_id|>{{ message['role'] }}<|end_header_id|>

{{ message['content'] }}<|eot_id|>
{%- endfor -%}"""


def get_chat_template(version="v1"):
    if version == "v1":
        return _V1_TEMPLATE
    raise ValueError(f"unknown chat template version {version!r}")


def get_llama_style_template():
    return _LLAMA_STYLE_TEMPLATE
