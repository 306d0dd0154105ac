// Package weather fetches forecasts from the upstream weather API.
package weather

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Forecast is the part of the upstream response we use.
type Forecast struct {
	City        string    `json:"city"`
	Temperature float64   `json:"temperature_c"`
	Conditions  string    `json:"conditions"`
	IssuedAt    time.Time `json:"issued_at"`
}

// Client talks to the forecast API.
type Client struct {
	BaseURL    string
	APIKey     string
	HTTPClient *http.Client
}

// NewClient returns a client with a 10-second timeout.
func NewClient(baseURL, apiKey string) *Client {
	return &Client{
		BaseURL:    baseURL,
		APIKey:     apiKey,
		HTTPClient: &http.Client{Timeout: 10 * time.Second},
	}
}

// Forecast returns the current forecast for city.
func (c *Client) Forecast(ctx context.Context, city string) (*Forecast, error) {
	u := c.BaseURL + "/v1/forecast?city=" + url.QueryEscape(city)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.APIKey)
	resp, err := c.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("weather: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("weather: %s returned %s", u, resp.Status)
	}
	var f Forecast
	if err := json.NewDecoder(resp.Body).Decode(&f); err != nil {
		return nil, fmt.Errorf("weather: decoding forecast for %s: %w", city, err)
	}
	return &f, nil
}
