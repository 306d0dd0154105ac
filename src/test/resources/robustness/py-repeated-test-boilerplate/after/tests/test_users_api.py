import json
import unittest

from service.app import create_app
from service.db import reset_database


class UsersApiTest(unittest.TestCase):

    def setUp(self):
        reset_database()
        self.app = create_app(testing=True)
        self.client = self.app.test_client()
        self.headers = {"Authorization": "Bearer test-token", "Content-Type": "application/json"}

    def post_json(self, url, body):
        return self.client.post(url, data=json.dumps(body), headers=self.headers)

    def test_create_user(self):
        response = self.post_json("/users", {"name": "Ada", "email": "ada@example.org"})
        self.assertEqual(201, response.status_code)
        body = response.get_json()
        self.assertEqual("Ada", body["name"])
        self.assertIn("id", body)

    def test_create_user_requires_email(self):
        response = self.post_json("/users", {"name": "Ada"})
        self.assertEqual(400, response.status_code)
        body = response.get_json()
        self.assertEqual("email is required", body["error"])

    def test_create_user_rejects_duplicate_email(self):
        self.post_json("/users", {"name": "Ada", "email": "ada@example.org"})
        response = self.post_json("/users", {"name": "Ada 2", "email": "ada@example.org"})
        self.assertEqual(409, response.status_code)
        body = response.get_json()
        self.assertEqual("email already registered", body["error"])

    def test_get_user(self):
        created = self.post_json("/users", {"name": "Ada", "email": "ada@example.org"}).get_json()
        response = self.client.get(f"/users/{created['id']}", headers=self.headers)
        self.assertEqual(200, response.status_code)
        body = response.get_json()
        self.assertEqual("ada@example.org", body["email"])

    def test_get_unknown_user(self):
        response = self.client.get("/users/999", headers=self.headers)
        self.assertEqual(404, response.status_code)
        body = response.get_json()
        self.assertEqual("user 999 not found", body["error"])
        self.assertEqual("not_found", body["code"])

    def test_update_user(self):
        created = self.post_json("/users", {"name": "Ada", "email": "ada@example.org"}).get_json()
        response = self.client.patch(
            f"/users/{created['id']}", data=json.dumps({"name": "Ada L."}), headers=self.headers)
        self.assertEqual(200, response.status_code, response.get_data(as_text=True))
        body = response.get_json()
        self.assertEqual("Ada L.", body["name"])

    def test_delete_user(self):
        created = self.post_json("/users", {"name": "Ada", "email": "ada@example.org"}).get_json()
        response = self.client.delete(f"/users/{created['id']}", headers=self.headers)
        self.assertEqual(204, response.status_code)
        response = self.client.get(f"/users/{created['id']}", headers=self.headers)
        self.assertEqual(404, response.status_code)

    def test_requires_token(self):
        response = self.client.get("/users/1")
        self.assertEqual(401, response.status_code)
        body = response.get_json()
        self.assertEqual("missing bearer token", body["error"])

    def test_list_users_is_paginated(self):
        for i in range(30):
            self.post_json("/users", {"name": f"User {i}", "email": f"u{i}@example.org"})
        response = self.client.get("/users?page=2&size=10", headers=self.headers)
        self.assertEqual(200, response.status_code)
        body = response.get_json()
        self.assertEqual(10, len(body["items"]))
        self.assertEqual(30, body["total"])


if __name__ == "__main__":
    unittest.main()
