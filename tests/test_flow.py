"""Which assignments reach a load: later assignments in an enclosing block stop earlier ones; branches of one `if`
never see each other; a load on the right-hand side of an assignment sees the value before it."""

from __future__ import annotations

import ast

from chatlint.facts import build_facts
from chatlint.facts.flow import (
    Binding,
    FunctionFlow,
    Load,
    _before,
    _encloses,
    _overwrites,
    function_flow,
    instance_class,
)
from chatlint.facts.syntax import SourceText


def reaching_values(source: str, name: str) -> list[list[str]]:
    """For each load of `name` in the function `f`, the code of the values that may reach it."""
    facts = build_facts(ast.parse(source), SourceText(source))
    function = next(function for function in facts.functions if function.name == "f")
    flow = function_flow(function, {})
    result = []
    for load in flow.loads[name]:
        values = [
            facts.code(binding.value) if binding.value is not None else binding.kind
            for binding in flow.reaching(name, load.node)
        ]
        result.append(values)
    return result


def test_a_later_assignment_in_the_same_block_stops_the_earlier_one() -> None:
    source = "def f(a):\n    x = a\n    x = 2\n    return x\n"
    assert reaching_values(source, "x") == [["2"]]


def test_both_branches_reach_the_code_after_the_if() -> None:
    source = "def f(a):\n    if a:\n        x = 1\n    else:\n        x = 2\n    return x\n"
    assert reaching_values(source, "x") == [["1", "2"]]


def test_one_branch_never_reaches_the_other() -> None:
    source = "def f(a, x):\n    if a:\n        x = 1\n    else:\n        print(x)\n"
    assert reaching_values(source, "x") == [["param"]]


def test_the_right_hand_side_sees_the_earlier_value() -> None:
    source = "def f():\n    x = 1\n    x = x + 1\n    return x\n"
    assert reaching_values(source, "x") == [["1"], ["x + 1"]]


def test_a_loop_target_is_bound_before_its_body_and_a_comprehension_before_its_element() -> None:
    source = "def f(xs):\n    x = 0\n    for x in xs:\n        print(x)\n    return [y for y in xs]\n"
    assert reaching_values(source, "x") == [["xs"]]
    assert reaching_values(source, "y") == [["xs"]]


def test_at_end_is_what_a_function_defined_later_sees() -> None:
    source = "x = 1\nif flag:\n    x = 2\nx = 3\ny = 0\nif flag:\n    y = 4\n"
    tree = ast.parse(source)
    facts = build_facts(tree, SourceText(source))
    flow = function_flow(facts.functions[0], {})
    assert [facts.code(binding.value) for binding in flow.at_end("x")] == ["3"]  # type: ignore[arg-type]
    assert sorted(facts.code(binding.value) for binding in flow.at_end("y")) == ["0", "4"]  # type: ignore[arg-type]


def test_a_later_assignment_in_the_same_branch_stops_the_earlier_one_after_the_if() -> None:
    # control that leaves the `else:` block has passed its second assignment
    source = (
        "def f(a, b):\n    x = 0\n    if a:\n        x = 1\n    else:\n        x = 2\n        x = [x]\n    return x\n"
    )
    in_list, returned = reaching_values(source, "x")
    assert in_list == ["2"]
    assert "2" not in returned and "[x]" in returned and "1" in returned


def test_a_break_between_two_assignments_keeps_the_earlier_one() -> None:
    source = (
        "def f(items):\n    x = 0\n    for item in items:\n        x = item\n        if item:\n            break\n"
        "        x = None\n    return x\n"
    )
    assert reaching_values(source, "x") == [["0", "item", "None"]]


def test_unpacking_a_loop_item_binds_each_name_to_its_element() -> None:
    source = "def f(pairs):\n    for prompt, answer in pairs:\n        print(prompt)\n"
    facts = build_facts(ast.parse(source), SourceText(source))
    function = next(function for function in facts.functions if function.name == "f")
    binding = function_flow(function, {}).bindings["prompt"][0]
    assert (binding.kind, facts.code(binding.value), binding.position) == ("loop-unpack", "pairs", 0)  # type: ignore[arg-type]


def test_a_binding_before_continue_reaches_the_rest_of_the_body_only_on_the_next_pass() -> None:
    # `x = item; continue` skips the rest of this pass: `print(x)` sees it on a later pass (carried), and the code
    # after the loop sees it too (the loop may end after that pass)
    source = (
        "def f(items):\n    x = 0\n    for item in items:\n        if item:\n            x = item\n            continue\n"
        "        print(x)\n        x = None\n    return x\n"
    )
    assert reaching_values(source, "x") == [["0"], ["0", "item", "None"]]
    facts = build_facts(ast.parse(source), SourceText(source))
    flow = function_flow(facts.functions[1], {})
    printed = flow.loads["x"][0].node
    assert sorted(facts.code(binding.value) for binding, _ in flow.carried("x", printed)) == ["None", "item"]  # type: ignore[arg-type]


def _reaches(binding: Binding, load: Load, others: list[Binding], flow: FunctionFlow) -> bool:
    """Does `binding` reach `load`, judged alone: the definition `FunctionFlow.reaching` answers for all of a name's
    bindings at once."""
    if binding.kind == "param":
        before = [other for other in others if other.kind != "param" and _before(other, load)]
        return not any(_encloses(other, load) for other in before)
    if not _before(binding, load) or flow.next_pass_only(binding, load) is not None:
        return False
    for other in others:
        if other is binding or other.kind == "param" or not _before(other, load):
            continue
        if other.order > binding.order and (_encloses(other, load) or _overwrites(other, binding, flow)):
            return False
    return True


def test_reaching_says_what_each_binding_says_of_itself() -> None:
    # `reaching` answers for all bindings in one pass; `_reaches` judges one binding at a time: over every load of
    # every function of the rules' examples they agree
    from rule_examples import ROOT

    compared = 0
    for path in sorted(ROOT.rglob("*.py")):
        source = path.read_text()
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        facts = build_facts(tree, SourceText(source))
        for function in facts.functions:
            flow = function_flow(function, {})
            for name, loads in flow.loads.items():
                bindings = flow.bindings.get(name, [])
                for load in loads:
                    one_by_one = [binding for binding in bindings if _reaches(binding, load, bindings, flow)]
                    assert flow.reaching(name, load.node) == one_by_one, (path, name, load.node.lineno)
                    compared += 1
    assert compared > 10_000


def instance_class_of(source: str, name: str) -> str | None:
    """The class `instance_class` finds for the value of `name` returned by the function `f`."""
    facts = build_facts(ast.parse(source), SourceText(source))
    function = next(function for function in facts.functions if function.name == "f")
    returned = function_flow(function, facts.flows).returns[0]
    assert isinstance(returned, ast.Name) and returned.id == name
    cls = instance_class(returned, function, facts.flows)
    return ast.unparse(cls) if cls is not None else None


def test_an_imported_class_built_by_a_from_constructor() -> None:
    # `RunConfig.from_yaml(path)`: an instance of the imported class; not `from_pretrained` nor an `Auto*` class,
    # whose instances are of other classes
    imported = "from .config import RunConfig\n\ndef f(path):\n    cfg = RunConfig.from_yaml(path)\n    return cfg\n"
    assert instance_class_of(imported, "cfg") == "RunConfig"
    pretrained = "from m import Model\n\ndef f(path):\n    model = Model.from_pretrained(path)\n    return model\n"
    assert instance_class_of(pretrained, "model") != "Model"
    auto = (
        "from transformers import AutoModel\n\ndef f(cfg):\n    model = AutoModel.from_config(cfg)\n    return model\n"
    )
    assert instance_class_of(auto, "model") != "AutoModel"
