"""The model back-ends, by name: each module of this package registers its class."""

MODELS: dict[str, type] = {}


def register_model(name):
    def decorate(cls):
        MODELS[name] = cls
        return cls

    return decorate


def load_model(name, cfg):
    return MODELS[name](cfg)
