"""A command the server refuses, answered as {ok: 0, errmsg, code, codeName}."""


class CommandError(Exception):
    def __init__(self, code, code_name, message, **extra):
        super().__init__(message)
        self.code = code
        self.code_name = code_name
        self.message = message
        self.extra = extra

    def reply(self):
        return {"ok": 0.0, "errmsg": self.message, "code": self.code, "codeName": self.code_name, **self.extra}
